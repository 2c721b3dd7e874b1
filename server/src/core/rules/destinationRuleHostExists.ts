// IST0174 on a DestinationRule whose host is neither a Service nor a ServiceEntry host
// visible from its namespace: its policies and subsets apply to nothing.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { spec, strings, text } from './plainValue';
import { lookupHost } from './serviceRegistry';

export const destinationRuleHostExists: IstioRule = {
  code: 'IST0174',
  defaultSeverity: 'warning',
  analyzers: ['destinationrule.SubsetSelectPodAnalyzer'],
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const s = spec(ctx.resource.resource.value);
    const host = text(s.host);
    // A wildcard host (`*.local`, `*.payments.svc.cluster.local`) is a policy for whatever
    // matches, now or later: nothing to look up.
    if (host.startsWith('*')) return [];
    if (lookupHost(ctx.index, ctx.resource.namespace, strings(s.exportTo), host)) return [];
    return [findingAt(ctx, 'IST0174', ['spec', 'host'], `No Service or ServiceEntry for \`${host}\` is visible from namespace \`${ctx.resource.namespace || '(none)'}\`, so this DestinationRule applies to nothing. Fix the host (short names resolve in this namespace) or add the Service/ServiceEntry.`, 'value')];
  },
};
