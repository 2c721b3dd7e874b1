// IST0101 on a VirtualService route or mirror destination whose host is neither a
// Service nor a ServiceEntry host visible from the VirtualService's namespace (short
// names resolve in that namespace; exportTo of the Service/ServiceEntry is honoured).
import { findingAt, ofKind, existingPath, NETWORKING, type IstioRule } from './istioRule';
import { strings, spec } from './plainValue';
import { lookupHost } from './serviceRegistry';
import { allDestinations } from './virtualServiceDestinations';

export const virtualServiceDestinationHostExists: IstioRule = {
  code: 'IST0101',
  defaultSeverity: 'error',
  analyzers: ['virtualservice.DestinationHostAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const vs = ctx.resource.resource.value;
    const exportTo = strings(spec(vs).exportTo);
    return allDestinations(vs)
      // A destination that is there but has no host is the schema's MM203 already: one
      // finding per mistake. (A route with no destination at all stays IST0101, as istioctl.)
      .filter((d) => d.host || ctx.locator.node([...d.path]) === undefined)
      .filter((d) => !lookupHost(ctx.index, ctx.resource.namespace, exportTo, d.host))
      .map((d) => {
        const what = d.kind === 'mirror' ? 'mirror host' : 'destination host';
        const message = d.host
          ? `The ${what} \`${d.host}\` matches no Service or ServiceEntry visible from namespace \`${ctx.resource.namespace || '(none)'}\`. Fix the host name (short names resolve in this namespace), or add the Service/ServiceEntry, or export it here.`
          : `This ${d.kind === 'mirror' ? 'mirror' : 'route'} has no destination host, so it can send traffic nowhere. Set \`destination.host\` to a Service or ServiceEntry host.`;
        return findingAt(ctx, 'IST0101', existingPath(ctx, [...d.path, 'host']), message, 'value');
      });
  },
};
