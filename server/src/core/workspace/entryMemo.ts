// Values computed from one index entry alone — its resource, namespace, group and uri —
// kept as long as the entry lives. The index keeps an entry while its resource is
// unchanged, so after an edit only the edited resource's values are computed again, and a
// build over every resource of a kind merges kept parts instead of re-reading each one.
// `compute` must not read the index (that read would not be tracked) nor the entry's
// `base`, which moves with its document.
import type { IndexedResource } from './workspaceIndex';

const memos = new WeakMap<IndexedResource, Map<string, unknown>>();

export function perEntry<T>(entry: IndexedResource, key: string, compute: (entry: IndexedResource) => T): T {
  let memo = memos.get(entry);
  if (!memo) {
    memo = new Map();
    memos.set(entry, memo);
  }
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute(entry);
  memo.set(key, value);
  return value;
}
