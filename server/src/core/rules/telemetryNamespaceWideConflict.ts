// IST0160 on Telemetries without selector or targetRef when their namespace has more
// than one: each claims the whole namespace and only one applies.
import { findingAt, ofKind, TELEMETRY, type IstioRule } from './istioRule';
import { policySelection, TELEMETRY_POLICY } from './workloadPolicies';

export const telemetryNamespaceWideConflict: IstioRule = {
  code: 'IST0160',
  defaultSeverity: 'error',
  analyzers: ['telemetry.DefaultSelectorAnalyzer'],
  appliesTo: ofKind('Telemetry', TELEMETRY),
  check(ctx) {
    const all = policySelection(ctx.index, TELEMETRY_POLICY).namespaceWideConflicts.get(ctx.resource.namespace);
    if (!all?.includes(ctx.resource)) return [];
    return [findingAt(ctx, 'IST0160', ['metadata', 'name'], `Namespace \`${ctx.resource.namespace || '(none)'}\` has several Telemetries without a selector (${all.map((p) => p.resource.name).join(', ')}); only one applies. Merge them, or give all but one a selector.`, 'value')];
  },
};
