// Linkerd policy resources (policy.linkerd.io): how their references resolve and which
// workloads a Server selects. Linkerd compares groups and kinds case-insensitively and
// reads a missing group as the core group (policy-controller k8s-api `targets_kind`).
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { GATEWAY_API } from './gatewayReferences';
import { coreGroup, findReferenced, readReference, type ObjectReference } from './objectReference';
import { at } from './plainValue';
import { parseSetBasedSelector, setBasedSelectorMatches } from './setBasedSelector';
import { workloads, type Workload } from './workloads';

export const LINKERD_POLICY = 'policy.linkerd.io';

export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

const SERVER: GroupKind = { group: LINKERD_POLICY, kind: 'Server' };

/** What an AuthorizationPolicy may target (admission.rs `validate_policy_target`). */
export const AUTHORIZATION_TARGETS: readonly GroupKind[] = [
  SERVER,
  { group: LINKERD_POLICY, kind: 'HTTPRoute' },
  { group: GATEWAY_API, kind: 'HTTPRoute' },
  { group: GATEWAY_API, kind: 'GRPCRoute' },
  { group: '', kind: 'Namespace' },
];
export const RATE_LIMIT_TARGETS: readonly GroupKind[] = [SERVER];
/** What `requiredAuthenticationRefs` may name. */
export const AUTHENTICATION_KINDS: readonly GroupKind[] = [
  { group: LINKERD_POLICY, kind: 'MeshTLSAuthentication' },
  { group: LINKERD_POLICY, kind: 'NetworkAuthentication' },
  { group: '', kind: 'ServiceAccount' },
];
/** Parents a Linkerd HTTPRoute attaches to: inbound (Server), outbound (Service, EgressNetwork), or a Gateway. */
export const LINKERD_ROUTE_PARENTS: readonly GroupKind[] = [
  SERVER,
  { group: '', kind: 'Service' },
  { group: LINKERD_POLICY, kind: 'EgressNetwork' },
  { group: GATEWAY_API, kind: 'Gateway' },
];

export interface LinkerdReference {
  readonly ref: ObjectReference;
  /** The accepted group/kind the reference names, if any (kinds matched case-insensitively). */
  readonly target?: GroupKind;
  /** An accepted kind of that name in another group (the reference has the wrong group). */
  readonly groupFor?: GroupKind;
}

export function linkerdReference(value: unknown, ownNamespace: string, accepted: readonly GroupKind[], defaults: GroupKind = { group: '', kind: '' }): LinkerdReference {
  const raw = readReference(value, defaults, ownNamespace);
  const sameKind = accepted.filter((a) => a.kind.toLowerCase() === raw.kind.toLowerCase());
  const target = sameKind.find((a) => a.group.toLowerCase() === coreGroup(raw.group.toLowerCase()));
  const ref = target ? { ...raw, group: target.group, kind: target.kind } : raw;
  return { ref, target, groupFor: target ? undefined : sameKind[0] };
}

export function findLinkerdTarget(index: WorkspaceIndex, reference: LinkerdReference): IndexedResource | undefined {
  return reference.target ? findReferenced(index, reference.ref) : undefined;
}

/** Workloads of its namespace each Server's `podSelector` selects (Servers with a podSelector only). */
export function serverSelection(index: WorkspaceIndex): ReadonlyMap<IndexedResource, readonly Workload[]> {
  return derivedData(index, 'linkerd.serverSelection', (ix) => {
    const byNs = workloads(ix).byNamespace;
    const out = new Map<IndexedResource, Workload[]>();
    for (const server of ix.ofKind('Server', LINKERD_POLICY)) {
      const raw = at(server.resource.value, 'spec', 'podSelector');
      if (raw === undefined || raw === null) continue;
      const selector = parseSetBasedSelector(raw);
      out.set(server, (byNs.get(server.namespace) ?? []).filter((w) => w.inWorkspace && setBasedSelectorMatches(selector, w.labels)));
    }
    return out;
  });
}
