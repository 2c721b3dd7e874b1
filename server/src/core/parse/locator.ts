// Maps a path inside a resource (as ajv and the rules see it: keys and list indexes)
// back to the YAML node it came from, so a finding covers the exact key or value.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Span } from '../finding';

export type JsonPath = readonly (string | number)[];

export interface Locator {
  /** The key of the property at `path` (its last segment); for list items, the item. */
  key(path: JsonPath): Span | undefined;
  /** The value at `path`. */
  value(path: JsonPath): Span | undefined;
  /** The YAML node at `path`, if any. */
  node(path: JsonPath): Node | undefined;
}

function findPair(map: Node, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    const k = item.key;
    const name = isScalar(k) ? String(k.value) : k == null ? '' : undefined;
    if (name === key) return item as Pair;
  }
  return undefined;
}

function spanOf(node: unknown, base: number): Span | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  return { start: base + range[0], end: base + range[1] };
}

/**
 * `root` is the resource's top node, or a function that gives it (called at the first
 * lookup, so a locator that is never asked leaves the nodes unbuilt); `base` is the offset
 * of the node's text in the file.
 */
export function createLocator(root: Node | null | undefined | (() => Node | null | undefined), base: number): Locator {
  let top = typeof root === 'function' ? undefined : root;
  let pending = typeof root === 'function' ? root : undefined;
  function walk(path: JsonPath): { parent?: Node; pair?: Pair; node?: Node } {
    if (pending) {
      top = pending();
      pending = undefined;
    }
    let current: Node | undefined = top ?? undefined;
    let pair: Pair | undefined;
    let parent: Node | undefined;
    for (const segment of path) {
      if (!current) return {};
      parent = current;
      if (typeof segment === 'number') {
        if (!isSeq(current)) return {};
        current = current.items[segment] as Node | undefined;
        pair = undefined;
      } else {
        pair = findPair(current, segment);
        if (!pair) return {};
        current = (pair.value ?? undefined) as Node | undefined;
      }
    }
    return { parent, pair, node: current };
  }
  return {
    node: (path) => walk(path).node,
    key(path) {
      const found = walk(path);
      if (found.pair) return spanOf(found.pair.key, base) ?? spanOf(found.node, base);
      return spanOf(found.node, base);
    },
    value(path) {
      const found = walk(path);
      if (found.node) return spanOf(found.node, base);
      // `key:` with no value: point at the key
      if (found.pair) return spanOf(found.pair.key, base);
      return undefined;
    },
  };
}
