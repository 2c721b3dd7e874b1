// Kubernetes-style references to other objects (Gateway API parentRefs/backendRefs,
// Linkerd targetRef and authentication refs): a group ('' and `core` both mean the core
// API group), a kind, a name and a namespace that defaults to the referring resource's.
// Each API has its own defaults for a missing group or kind, so the caller passes them.
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { record, text } from './plainValue';

export interface ObjectReference {
  /** '' for the core group. */
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** True when the reference names its namespace itself. */
  readonly explicitNamespace: boolean;
}

export function coreGroup(group: string): string {
  return group === 'core' ? '' : group;
}

export function readReference(value: unknown, defaults: { group: string; kind: string }, ownNamespace: string): ObjectReference {
  const r = record(value) ?? {};
  const namespace = text(r.namespace);
  return {
    group: coreGroup(r.group === undefined || r.group === null ? defaults.group : text(r.group)),
    kind: text(r.kind) || defaults.kind,
    name: text(r.name),
    namespace: namespace || ownNamespace,
    explicitNamespace: namespace !== '',
  };
}

/** `Kind ns/name`, with the group when it is not obvious from the kind. */
export function referenceText(ref: ObjectReference): string {
  return `${ref.kind} \`${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}\``;
}

export function findReferenced(index: WorkspaceIndex, ref: ObjectReference): IndexedResource | undefined {
  return index.lookup(ref.kind, ref.group, ref.kind === 'Namespace' ? '' : ref.namespace, ref.name);
}
