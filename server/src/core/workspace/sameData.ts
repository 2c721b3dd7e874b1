// Whether two values built from the workspace are the same to anyone reading them: the
// test behind early cut-off of derived data (derivedIndex.ts). Arrays, Maps, Sets and plain
// records are compared by content, in order (iteration order is visible to readers), Map
// keys and Set items by identity (as `get` and `has` find them); every
// other object — index entries, workloads, YAML nodes, class instances, functions — by
// identity, so a value holding a replaced resource's entry is never taken for the old one.

/** Objects compared by identity although they are plain records (they read the index). */
const opaque = new WeakSet<object>();

/** Marks an object (an index entry, a workload) to be compared by identity only. */
export function compareByIdentity<T extends object>(value: T): T {
  opaque.add(value);
  return value;
}

function isRecord(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !opaque.has(value);
}

export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Map) return b instanceof Map && a.size === b.size && sameSequence(a.entries(), b.entries());
  if (a instanceof Set) return b instanceof Set && a.size === b.size && sameSequence(a.values(), b.values());
  if (!isRecord(a) || !isRecord(b) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== other[i] || !sameData(a[keys[i]], b[keys[i]])) return false;
  return true;
}

/** Two iterations of the same length with the same items in the same order (Map keys by identity). */
function sameSequence(a: Iterator<unknown>, b: Iterator<unknown>): boolean {
  for (;;) {
    const x = a.next();
    const y = b.next();
    if (x.done || y.done) return x.done === y.done;
    if (Array.isArray(x.value) && Array.isArray(y.value)) {
      // a Map entry: the key by identity, the value by content
      if (x.value[0] !== y.value[0] || !sameData(x.value[1], y.value[1])) return false;
    } else if (x.value !== y.value) {
      // a Set item: by identity, as `has` finds it
      return false;
    }
  }
}
