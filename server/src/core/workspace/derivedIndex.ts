// Data computed from the whole workspace (host registries, workload lists, conflict maps)
// is built once and shared by every rule that needs it, so a rule checking one resource
// does a map lookup instead of scanning the workspace again. A build is tracked: it is
// redone only once a kind it read (or, for whole-index reads, anything) has changed, and
// whoever asks for the value inside a tracking scope depends on what the build read.
import type { Dependencies, WorkspaceIndex } from './workspaceIndex';

interface Entry {
  /** The generation at which the value was last known to hold. */
  generation: number;
  value: unknown;
  deps: Dependencies;
}

const caches = new WeakMap<WorkspaceIndex, Map<string, Entry>>();

/** The value `build` returns for this index, rebuilt only after something it read changed. */
export function derived<T>(index: WorkspaceIndex, key: string, build: (index: WorkspaceIndex) => T): T {
  let cache = caches.get(index);
  if (!cache) {
    cache = new Map();
    caches.set(index, cache);
  }
  let entry = cache.get(key);
  if (entry && entry.generation !== index.generation) {
    if (index.unchangedSince(entry.deps, entry.generation)) entry.generation = index.generation;
    else entry = undefined;
  }
  if (!entry) {
    const generation = index.generation;
    const { result, deps } = index.track(() => build(index));
    entry = { generation, value: result, deps };
    cache.set(key, entry);
    return result;
  }
  index.depend(entry.deps);
  return entry.value as T;
}
