// IST0112 on a VirtualService destination without a port when the destination Service
// or ServiceEntry exposes more than one port: Istio cannot tell which one is meant.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { strings, spec } from './plainValue';
import { lookupHost } from './serviceRegistry';
import { mirrorDestinations, routeDestinations } from './virtualServiceDestinations';

export const virtualServiceDestinationPortRequired: IstioRule = {
  code: 'IST0112',
  defaultSeverity: 'error',
  analyzers: ['virtualservice.DestinationHostAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const vs = ctx.resource.resource.value;
    const exportTo = strings(spec(vs).exportTo);
    const findings = [];
    for (const d of [...routeDestinations(vs), ...mirrorDestinations(vs)]) {
      if (d.hasPort) continue;
      const service = lookupHost(ctx.index, ctx.resource.namespace, exportTo, d.host);
      if (!service || service.ports.length < 2) continue;
      const ports = service.ports.map((p) => p.number).join(', ');
      findings.push(findingAt(ctx, 'IST0112', [...d.path, 'host'], `\`${d.host}\` exposes several ports (${ports}); add \`port.number\` to this destination to say which one receives the traffic.`, 'value'));
    }
    return findings;
  },
};
