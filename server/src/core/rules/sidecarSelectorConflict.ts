// IST0110 on Sidecars whose workloadSelectors pick the same workload: the proxy gets one
// of them, arbitrarily. Workloads are Pods and pod templates in the workspace.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { policySelection, SIDECAR_POLICY, workloadName } from './workloadPolicies';

export const sidecarSelectorConflict: IstioRule = {
  code: 'IST0110',
  defaultSeverity: 'error',
  analyzers: ['sidecar.SelectorAnalyzer'],
  appliesTo: ofKind('Sidecar', NETWORKING),
  check(ctx) {
    const shared = policySelection(ctx.index, SIDECAR_POLICY).shared.get(ctx.resource) ?? [];
    return shared.map(({ workload, policies }) =>
      findingAt(ctx, 'IST0110', ['spec', 'workloadSelector'], `${workloadName(workload)} is selected by several Sidecars (${policies.map((p) => p.resource.name).join(', ')}); only one applies and which one is undefined. Make the selectors pick disjoint workloads.`),
    );
  },
};
