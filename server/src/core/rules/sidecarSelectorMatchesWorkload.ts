// IST0101 on a Sidecar whose workloadSelector matches no workload in its namespace
// (Pods and pod templates of Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs):
// it configures no proxy. Silent when the workspace holds no workloads at all.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { selectorText } from './labelSelector';
import { policySelection, SIDECAR_POLICY } from './workloadPolicies';
import { workloads } from './workloads';

export const sidecarSelectorMatchesWorkload: IstioRule = {
  code: 'IST0101',
  defaultSeverity: 'error',
  analyzers: ['sidecar.SelectorAnalyzer'],
  appliesTo: ofKind('Sidecar', NETWORKING),
  check(ctx) {
    if (!workloads(ctx.index).hasOwnWorkloads) return [];
    const picked = policySelection(ctx.index, SIDECAR_POLICY).selected.get(ctx.resource);
    if (!picked || picked.length > 0) return [];
    const selector = SIDECAR_POLICY.selector(ctx.resource.resource.value) ?? {};
    return [findingAt(ctx, 'IST0101', ['spec', 'workloadSelector', 'labels'], `No workload in namespace \`${ctx.resource.namespace || '(none)'}\` has the labels \`${selectorText(selector)}\`, so this Sidecar configures no proxy. Fix the labels to match the pod template labels of the workload.`)];
  },
};
