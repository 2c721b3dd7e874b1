// Namespace-scoped policies that pick workloads with a label selector (Sidecar
// `workloadSelector.labels`, Telemetry `selector.matchLabels`): which workloads of their
// namespace each one selects, which workloads several of them select, and which
// namespaces hold more than one without any selector. Computed once, kept until the inputs change.
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { selectorMatches } from './labelSelector';
import { at, stringMap, type Plain } from './plainValue';
import { workloads, type Workload } from './workloads';

export interface PolicyKind {
  readonly kind: string;
  readonly group: string;
  /** The selector's labels, or undefined when the policy has no selector. */
  selector(value: Plain): Record<string, string> | undefined;
  /** True when the policy applies to its whole namespace (no selector of any kind). */
  namespaceWide(value: Plain): boolean;
}

export const SIDECAR_POLICY: PolicyKind = {
  kind: 'Sidecar',
  group: 'networking.istio.io',
  selector: (v) => {
    const labels = stringMap(at(v, 'spec', 'workloadSelector', 'labels'));
    return Object.keys(labels).length > 0 ? labels : undefined;
  },
  namespaceWide: (v) => at(v, 'spec', 'workloadSelector') == null,
};

export const TELEMETRY_POLICY: PolicyKind = {
  kind: 'Telemetry',
  group: 'telemetry.istio.io',
  selector: (v) => {
    const labels = stringMap(at(v, 'spec', 'selector', 'matchLabels'));
    return Object.keys(labels).length > 0 ? labels : undefined;
  },
  namespaceWide: (v) => at(v, 'spec', 'selector') == null && at(v, 'spec', 'targetRef') == null && at(v, 'spec', 'targetRefs') == null,
};

export interface PolicySelection {
  /** Workloads each selector policy selects (same namespace only). */
  readonly selected: ReadonlyMap<IndexedResource, readonly Workload[]>;
  /** For each selector policy: the workloads it shares with others, and those others. */
  readonly shared: ReadonlyMap<IndexedResource, readonly { workload: Workload; policies: readonly IndexedResource[] }[]>;
  /** namespace → its policies without selector, where there are several. */
  readonly namespaceWideConflicts: ReadonlyMap<string, readonly IndexedResource[]>;
}

export function policySelection(index: WorkspaceIndex, kind: PolicyKind): PolicySelection {
  return derivedData(index, `policySelection.${kind.kind}`, (ix) => {
    const byNs = workloads(ix).byNamespace;
    const selected = new Map<IndexedResource, Workload[]>();
    const byWorkload = new Map<Workload, IndexedResource[]>();
    const wide = new Map<string, IndexedResource[]>();
    for (const policy of ix.ofKind(kind.kind, kind.group)) {
      const value = policy.resource.value;
      if (kind.namespaceWide(value)) wide.set(policy.namespace, [...(wide.get(policy.namespace) ?? []), policy]);
      const selector = kind.selector(value);
      if (!selector) continue;
      const picked = (byNs.get(policy.namespace) ?? []).filter((w) => selectorMatches(selector, w.labels));
      selected.set(policy, picked);
      for (const w of picked) byWorkload.set(w, [...(byWorkload.get(w) ?? []), policy]);
    }
    const shared = new Map<IndexedResource, { workload: Workload; policies: IndexedResource[] }[]>();
    for (const [workload, policies] of byWorkload) {
      if (policies.length < 2) continue;
      for (const p of policies) shared.set(p, [...(shared.get(p) ?? []), { workload, policies }]);
    }
    const namespaceWideConflicts = new Map([...wide].filter(([, list]) => list.length > 1));
    return { selected, shared, namespaceWideConflicts };
  });
}

export function workloadName(w: Workload): string {
  return `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}`;
}
