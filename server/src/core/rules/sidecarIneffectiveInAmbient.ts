// IST0167 on a Sidecar that configures nothing because its workloads run in ambient mode
// (no sidecar proxy): a namespace-wide Sidecar in an ambient namespace, or a Sidecar
// whose selector picks ambient workloads (Pods with Istio's ambient annotation, or pod
// templates of Deployments, StatefulSets… in an ambient namespace).
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { isAmbient, isAmbientNamespaceLabels, namespaceLabelsOf } from './meshMembership';
import { policySelection, SIDECAR_POLICY, workloadName } from './workloadPolicies';

export const sidecarIneffectiveInAmbient: IstioRule = {
  code: 'IST0167',
  defaultSeverity: 'warning',
  analyzers: ['sidecar.SelectorAnalyzer'],
  appliesTo: ofKind('Sidecar', NETWORKING),
  check(ctx) {
    const value = ctx.resource.resource.value;
    if (SIDECAR_POLICY.namespaceWide(value)) {
      const ns = ctx.index.lookup('Namespace', '', '', ctx.resource.namespace);
      if (!ns || !isAmbientNamespaceLabels(namespaceLabelsOf(ns))) return [];
      return [findingAt(ctx, 'IST0167', ['metadata', 'name'], `Namespace \`${ctx.resource.namespace}\` runs in ambient mode, where workloads have no sidecar proxy, so this Sidecar has no effect. Remove it, or take the namespace out of ambient mode.`, 'value')];
    }
    const ambient = (policySelection(ctx.index, SIDECAR_POLICY).selected.get(ctx.resource) ?? []).filter((w) => isAmbient(ctx.index, w));
    return ambient.map((w) => findingAt(ctx, 'IST0167', ['spec', 'workloadSelector'], `${workloadName(w)} runs in ambient mode without a sidecar proxy, so this Sidecar has no effect on it.`));
  },
};
