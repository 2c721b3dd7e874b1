// IST0111 on Sidecars without a workloadSelector when their namespace has more than one:
// each claims the whole namespace and only one applies.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { policySelection, SIDECAR_POLICY } from './workloadPolicies';

export const sidecarNamespaceWideConflict: IstioRule = {
  code: 'IST0111',
  defaultSeverity: 'error',
  analyzers: ['sidecar.SelectorAnalyzer'],
  appliesTo: ofKind('Sidecar', NETWORKING),
  check(ctx) {
    const all = policySelection(ctx.index, SIDECAR_POLICY).namespaceWideConflicts.get(ctx.resource.namespace);
    if (!all?.includes(ctx.resource)) return [];
    return [findingAt(ctx, 'IST0111', ['metadata', 'name'], `Namespace \`${ctx.resource.namespace || '(none)'}\` has several Sidecars without a workloadSelector (${all.map((p) => p.resource.name).join(', ')}); only one applies. Keep one namespace-wide Sidecar and give the others a workloadSelector.`, 'value')];
  },
};
