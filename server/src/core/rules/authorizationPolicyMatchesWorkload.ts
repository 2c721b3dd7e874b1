// IST0127 on an AuthorizationPolicy that applies to no workload in the mesh: its
// selector (or, without one, its namespace) matches no in-mesh workload — a Pod or pod
// template with an Istio sidecar (injected by label/annotation/namespace label) or in
// ambient mode. In the root namespace a selector may match in any namespace. Policies
// bound by targetRef(s) attach to gateways/waypoints and are not checked. Silent when
// the workspace holds no workloads at all.
import { findingAt, ofKind, SECURITY, type IstioRule } from './istioRule';
import { selectorMatches, selectorText } from './labelSelector';
import { meshConfig } from './meshConfig';
import { inMesh } from './meshMembership';
import { at, spec, stringMap } from './plainValue';
import { workloads } from './workloads';

export const authorizationPolicyMatchesWorkload: IstioRule = {
  code: 'IST0127',
  defaultSeverity: 'warning',
  analyzers: ['auth.AuthorizationPoliciesAnalyzer'],
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx) {
    const set = workloads(ctx.index);
    if (!set.hasOwnWorkloads) return [];
    const s = spec(ctx.resource.resource.value);
    if (s.targetRef != null || s.targetRefs != null) return [];
    const hasSelector = s.selector != null;
    const selector = stringMap(at(s, 'selector', 'matchLabels'));
    const root = ctx.resource.namespace === meshConfig(ctx.index).rootNamespace;
    if (root && !hasSelector) return [];
    const candidates = root ? set.all : set.byNamespace.get(ctx.resource.namespace) ?? [];
    if (candidates.some((w) => selectorMatches(selector, w.labels) && inMesh(ctx.index, w))) return [];
    const where = root ? 'in the mesh' : `in namespace \`${ctx.resource.namespace || '(none)'}\``;
    const message = hasSelector
      ? `No workload with an Istio proxy ${where} has the labels \`${selectorText(selector)}\`, so this policy applies to nothing. Fix the selector, or enable sidecar injection (or ambient) for the workload.`
      : `No workload with an Istio proxy runs ${where}, so this namespace-wide policy applies to nothing. Check the namespace, or enable sidecar injection (or ambient) there.`;
    return [findingAt(ctx, 'IST0127', hasSelector ? ['spec', 'selector'] : ['metadata', 'namespace'], message)];
  },
};
