// IST0159 on Telemetries whose selectors pick the same workload: which one applies is
// undefined. Workloads are Pods and pod templates in the workspace.
import { findingAt, ofKind, TELEMETRY, type IstioRule } from './istioRule';
import { policySelection, TELEMETRY_POLICY, workloadName } from './workloadPolicies';

export const telemetrySelectorConflict: IstioRule = {
  code: 'IST0159',
  defaultSeverity: 'error',
  analyzers: ['telemetry.SelectorAnalyzer'],
  appliesTo: ofKind('Telemetry', TELEMETRY),
  check(ctx) {
    const shared = policySelection(ctx.index, TELEMETRY_POLICY).shared.get(ctx.resource) ?? [];
    return shared.map(({ workload, policies }) =>
      findingAt(ctx, 'IST0159', ['spec', 'selector'], `${workloadName(workload)} is selected by several Telemetries (${policies.map((p) => p.resource.name).join(', ')}); only one applies and which one is undefined. Make the selectors pick disjoint workloads.`),
    );
  },
};
