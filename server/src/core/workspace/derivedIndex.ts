// Data computed from the whole workspace (host registries, workload lists, conflict maps)
// is built once per index generation and shared by every rule that needs it, so a rule
// checking one resource does a map lookup instead of scanning the workspace again.
import type { WorkspaceIndex } from './workspaceIndex';

interface Entry {
  generation: number;
  value: unknown;
}

const caches = new WeakMap<WorkspaceIndex, Map<string, Entry>>();

/** The value `build` returns for this index, rebuilt only after the index changed. */
export function derived<T>(index: WorkspaceIndex, key: string, build: (index: WorkspaceIndex) => T): T {
  index.reads++;
  let cache = caches.get(index);
  if (!cache) {
    cache = new Map();
    caches.set(index, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.generation === index.generation) return hit.value as T;
  const value = build(index);
  cache.set(key, { generation: index.generation, value });
  return value;
}
