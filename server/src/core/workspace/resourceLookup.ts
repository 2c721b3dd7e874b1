// Keyed lookups over the index: `kind/namespace/name` → resource, and resources of a kind
// grouped by namespace. Built once and kept until the inputs change (derivedIndex.ts), so rules
// that resolve references do not scan every resource of a kind per lookup.
import { derived, derivedData } from './derivedIndex';
import type { IndexedResource, WorkspaceIndex } from './workspaceIndex';

function keyOf(kind: string, group: string, namespace: string, name: string): string {
  return `${group}|${kind}|${namespace}|${name}`;
}

function byKey(index: WorkspaceIndex): Map<string, IndexedResource> {
  return derived(index, 'resourceLookup.byKey', (ix) => {
    const map = new Map<string, IndexedResource>();
    for (const uri of ix.uris()) {
      for (const entry of ix.inFile(uri)) {
        const key = keyOf(entry.resource.kind, entry.group, entry.namespace, entry.resource.name ?? '');
        if (!map.has(key)) map.set(key, entry);
      }
    }
    return map;
  });
}

/** The resource of that kind and API group with that namespace and name. */
export function findResource(index: WorkspaceIndex, kind: string, group: string, namespace: string, name: string): IndexedResource | undefined {
  return byKey(index).get(keyOf(kind, group, namespace, name));
}

/** Resources of a kind (and group) grouped by their namespace. */
export function byNamespace(index: WorkspaceIndex, kind: string, group: string): ReadonlyMap<string, readonly IndexedResource[]> {
  return derivedData(index, `resourceLookup.byNamespace.${group}.${kind}`, (ix) => {
    const map = new Map<string, IndexedResource[]>();
    for (const entry of ix.ofKind(kind, group)) {
      const list = map.get(entry.namespace);
      if (list) list.push(entry);
      else map.set(entry.namespace, [entry]);
    }
    return map;
  });
}
