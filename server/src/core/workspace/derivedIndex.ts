// Data computed from the whole workspace (host registries, workload lists, conflict maps)
// is built once and shared by every rule that needs it, so a rule checking one resource
// does a map lookup instead of scanning the workspace again. A build is tracked: it is
// redone only once something it read (kinds, other derived values, or, for whole-index
// reads, anything) has changed.
//
// Whoever asks for the value inside a tracking scope depends on the value itself (its
// name), not on what the build read. A build may return the previous value when the new
// one would be the same (early cut-off): then the value counts as unchanged, and nothing
// that depends on it runs again. A projection — workloads with their labels and ports, say,
// without the replica counts — thus shields its readers from edits outside it. Returning
// the previous value is only right when no reader could tell the difference.
import { sameData } from './sameData';
import type { Dependencies, WorkspaceIndex } from './workspaceIndex';

interface Entry {
  /** The generation at which the value was last known to hold. */
  checked: number;
  /** The generation at which the value last changed. */
  changed: number;
  value: unknown;
  deps: Dependencies;
  /** The build last asked for (a later call's closure may capture newer arguments). */
  build: (index: WorkspaceIndex, previous: unknown) => unknown;
}

const caches = new WeakMap<WorkspaceIndex, Map<string, Entry>>();

/** Brings the entry up to date: rebuilt if something it read changed. */
function refresh(index: WorkspaceIndex, entry: Entry): void {
  if (entry.checked === index.generation) return;
  if (!index.unchangedSince(entry.deps, entry.checked)) {
    const generation = index.generation;
    const { result, deps } = index.trackApart(() => entry.build(index, entry.value));
    if (result !== entry.value) entry.changed = generation;
    entry.value = result;
    entry.deps = deps;
  }
  entry.checked = index.generation;
}

/**
 * The value `build` returns for this index, rebuilt only after something it read changed.
 * `build` gets the previous value (undefined the first time) and may return it unchanged
 * when the new value would equal it in everything a reader can see.
 */
export function derived<T>(index: WorkspaceIndex, key: string, build: (index: WorkspaceIndex, previous: T | undefined) => T): T {
  let cache = caches.get(index);
  if (!cache) {
    cache = new Map();
    caches.set(index, cache);
  }
  const name = `derived:${key}`;
  let entry = cache.get(key);
  if (entry) {
    entry.build = build as Entry['build'];
    refresh(index, entry);
  } else {
    const generation = index.generation;
    const { result, deps } = index.trackApart(() => build(index, undefined));
    const created: Entry = { checked: generation, changed: generation, value: result, deps, build: build as Entry['build'] };
    entry = created;
    cache.set(key, created);
    index.defineDerived(name, () => {
      refresh(index, created);
      return created.changed;
    });
  }
  index.depend([name]);
  return entry.value as T;
}

/**
 * Derived data with early cut-off: a rebuild that gives the same data (sameData.ts: by
 * content, entries and workloads by identity) keeps the previous value, and whoever read
 * it does not run again.
 */
export function derivedData<T>(index: WorkspaceIndex, key: string, build: (index: WorkspaceIndex) => T): T {
  return derived(index, key, (ix, previous: T | undefined) => {
    const value = build(ix);
    return previous !== undefined && sameData(previous, value) ? previous : value;
  });
}
