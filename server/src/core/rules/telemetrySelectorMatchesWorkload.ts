// IST0101 on a Telemetry whose selector matches no workload in its namespace (Pods and
// pod templates in the workspace): it configures no proxy. Silent when the workspace
// holds no workloads at all.
import { findingAt, ofKind, TELEMETRY, type IstioRule } from './istioRule';
import { selectorText } from './labelSelector';
import { policySelection, TELEMETRY_POLICY } from './workloadPolicies';
import { workloads } from './workloads';

export const telemetrySelectorMatchesWorkload: IstioRule = {
  code: 'IST0101',
  defaultSeverity: 'error',
  analyzers: ['telemetry.SelectorAnalyzer'],
  appliesTo: ofKind('Telemetry', TELEMETRY),
  check(ctx) {
    if (!workloads(ctx.index).hasOwnWorkloads) return [];
    const picked = policySelection(ctx.index, TELEMETRY_POLICY).selected.get(ctx.resource);
    if (!picked || picked.length > 0) return [];
    const selector = TELEMETRY_POLICY.selector(ctx.resource.resource.value) ?? {};
    return [findingAt(ctx, 'IST0101', ['spec', 'selector', 'matchLabels'], `No workload in namespace \`${ctx.resource.namespace || '(none)'}\` has the labels \`${selectorText(selector)}\`, so this Telemetry configures nothing. Fix the labels to match the pod template labels of the workload.`)];
  },
};
