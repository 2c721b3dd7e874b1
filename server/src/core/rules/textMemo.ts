// Results of a pure function of a short text — an annotation value parsed as YAML, a key
// prefix compared with the meshes' prefixes — kept for the texts seen recently. Manifests
// repeat the same annotations and label keys in every workload, so each distinct text is
// worked out once. Bounded: past `limit` texts the memo starts over.
export function memoByText<T>(fn: (text: string) => T, limit = 512): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined || memo.has(text)) return hit as T;
    const value = fn(text);
    if (memo.size >= limit) memo.clear();
    memo.set(text, value);
    return value;
  };
}
