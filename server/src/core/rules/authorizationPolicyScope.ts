// Which workloads an AuthorizationPolicy applies to, and whether two policies can apply to
// the same workload. A policy in the root namespace (MeshConfig rootNamespace) applies in
// every namespace; otherwise in its own. Without a selector it covers the whole scope;
// with `selector.matchLabels` the workloads carrying those labels. Policies attached with
// `targetRef(s)` (gateways, waypoints) are left out. Workloads come from the workspace;
// where neither selector picks any, two selectors overlap when one includes the other.
import { derivedData } from '../workspace/derivedIndex';
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

interface PolicyScopes {
  /** In workspace order (by kind). */
  readonly all: readonly PolicyScope[];
  readonly byEntry: ReadonlyMap<IndexedResource, PolicyScope>;
  /** Per namespace with policies: its own and the mesh-wide ones, in workspace order. */
  readonly reaching: ReadonlyMap<string, readonly PolicyScope[]>;
}

function build(index: WorkspaceIndex): PolicyScopes {
  const all = scopeList(index);
  const byEntry = new Map(all.map((p) => [p.entry, p]));
  const reaching = new Map<string, PolicyScope[]>();
  for (const p of all) if (p.namespace !== undefined) reaching.set(p.namespace, []);
  for (const [namespace, list] of reaching) for (const p of all) if (p.namespace === undefined || p.namespace === namespace) list.push(p);
  return { all, byEntry, reaching };
}

function scopeList(index: WorkspaceIndex): PolicyScope[] {
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

function scopes(index: WorkspaceIndex): PolicyScopes {
  return derivedData(index, 'authorizationPolicyScopes', build);
}

export function policyScopes(index: WorkspaceIndex): readonly PolicyScope[] {
  return scopes(index).all;
}

export function scopeOf(index: WorkspaceIndex, entry: IndexedResource): PolicyScope | undefined {
  return scopes(index).byEntry.get(entry);
}

/**
 * The policies that may share workloads with `self`, in workspace order: for a namespaced
 * policy those of its namespace and the mesh-wide ones; for a mesh-wide one every policy.
 * (The policies scopesOverlap can say yes for; it still decides.)
 */
export function scopesReaching(index: WorkspaceIndex, self: PolicyScope): readonly PolicyScope[] {
  const s = scopes(index);
  return self.namespace === undefined ? s.all : s.reaching.get(self.namespace) ?? [];
}

const selects = (selector: Labels | undefined, w: Workload) => !selector || selectorMatches(selector, w.labels);

/** True when some workload can be under both policies. */
export function scopesOverlap(index: WorkspaceIndex, a: PolicyScope, b: PolicyScope): boolean {
  if (a.namespace !== undefined && b.namespace !== undefined && a.namespace !== b.namespace) return false;
  if (!a.selector || !b.selector) return true;
  const ns = a.namespace ?? b.namespace;
  const set = workloads(index);
  const candidates = ns === undefined ? set.all : set.byNamespace.get(ns) ?? [];
  // judge on workloads only where they are known: if neither selector picks any, the
  // workloads they mean live elsewhere and the selectors are compared instead
  let picked = false;
  for (const w of candidates) {
    if (!w.inWorkspace) continue;
    const byA = selects(a.selector, w);
    const byB = selects(b.selector, w);
    if (byA && byB) return true;
    if (byA || byB) picked = true;
  }
  if (picked) return false;
  return selectorMatches(a.selector, b.selector) || selectorMatches(b.selector, a.selector);
}
