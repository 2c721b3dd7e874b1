// Which workloads an AuthorizationPolicy applies to, and whether two policies can apply to
// the same workload. A policy in the root namespace (MeshConfig rootNamespace) applies in
// every namespace; otherwise in its own. Without a selector it covers the whole scope;
// with `selector.matchLabels` the workloads carrying those labels. Policies attached with
// `targetRef(s)` (gateways, waypoints) are left out. Workloads come from the workspace;
// where neither selector picks any, two selectors overlap when one includes the other.
import { derived } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { policyAction } from './authorizationPolicyFields';
import { SECURITY } from './istioRule';
import { selectorMatches, type Labels } from './labelSelector';
import { meshConfig } from './meshConfig';
import { at, spec, stringMap } from './plainValue';
import { workloads, type Workload } from './workloads';

export interface PolicyScope {
  readonly entry: IndexedResource;
  readonly action: string;
  /** Undefined for a mesh-wide policy (root namespace). */
  readonly namespace?: string;
  /** Undefined when the policy has no selector. */
  readonly selector?: Labels;
}

function build(index: WorkspaceIndex): PolicyScope[] {
  const root = meshConfig(index).rootNamespace;
  const out: PolicyScope[] = [];
  for (const entry of index.ofKind('AuthorizationPolicy', SECURITY)) {
    const s = spec(entry.resource.value);
    if (s.targetRef != null || s.targetRefs != null) continue;
    out.push({
      entry,
      action: policyAction(entry.resource.value),
      namespace: entry.namespace === root ? undefined : entry.namespace,
      selector: s.selector != null ? stringMap(at(s, 'selector', 'matchLabels')) : undefined,
    });
  }
  return out;
}

export function policyScopes(index: WorkspaceIndex): readonly PolicyScope[] {
  return derived(index, 'authorizationPolicyScopes', build);
}

export function scopeOf(index: WorkspaceIndex, entry: IndexedResource): PolicyScope | undefined {
  return policyScopes(index).find((p) => p.entry === entry);
}

const selects = (selector: Labels | undefined, w: Workload) => !selector || selectorMatches(selector, w.labels);

/** True when some workload can be under both policies. */
export function scopesOverlap(index: WorkspaceIndex, a: PolicyScope, b: PolicyScope): boolean {
  if (a.namespace !== undefined && b.namespace !== undefined && a.namespace !== b.namespace) return false;
  if (!a.selector || !b.selector) return true;
  const ns = a.namespace ?? b.namespace;
  const set = workloads(index);
  const candidates = ns === undefined ? set.all.filter((w) => w.source) : (set.byNamespace.get(ns) ?? []).filter((w) => w.source);
  // judge on workloads only where they are known: if neither selector picks any, the
  // workloads they mean live elsewhere and the selectors are compared instead
  const picked = candidates.filter((w) => selects(a.selector, w) || selects(b.selector, w));
  if (picked.length > 0) return picked.some((w) => selects(a.selector, w) && selects(b.selector, w));
  return selectorMatches(a.selector, b.selector) || selectorMatches(b.selector, a.selector);
}
