// Finding things in a file's parsed documents for a quick fix: the resource a diagnostic sits
// in, the key/value pair at an offset with its path, and where a block node's text ends.
// `yaml` lets a block collection's range run on over comments and the next line's
// indentation, so the end used here is that of its last scalar.
import { isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { AnalyzedFile } from '../analyzeFile';
import type { Resource } from '../parse/extractResources';
import type { JsonPath } from '../parse/locator';

export interface PlacedResource {
  readonly resource: Resource;
  /** Offset of the resource's document in the file (node ranges are relative to it). */
  readonly base: number;
}

export function resourceAt(file: AnalyzedFile, offset: number): PlacedResource | undefined {
  for (const { offset: base, analysis } of file.documents) {
    for (const resource of analysis.resources) {
      const range = resource.node.range;
      if (range && base + range[0] <= offset && offset <= base + range[2]) return { resource, base };
    }
  }
  return undefined;
}

/** Where the text of `node` really ends: after its last scalar (or closing bracket). */
export function contentEnd(node: unknown): number | undefined {
  if (isScalar(node)) return node.range?.[1];
  if (isCollection(node)) {
    if (node.flow || node.items.length === 0) return node.range?.[1];
    const last = node.items[node.items.length - 1];
    if (isPair(last)) return contentEnd(last.value ?? last.key) ?? contentEnd(last.key);
    return contentEnd(last);
  }
  return (node as { range?: number[] } | null)?.range?.[1];
}

export interface FoundPair {
  readonly pair: Pair;
  /** The map holding the pair, and that map's path. */
  readonly map: YAMLMap;
  readonly mapPath: JsonPath;
  /** The chain of maps/sequences from the root to the holding map, with their paths. */
  readonly ancestors: readonly { node: Node; path: JsonPath }[];
}

/** The pair whose key starts at `offset` (relative to the document). */
export function pairWithKeyAt(root: Node, offset: number): FoundPair | undefined {
  const walk = (node: unknown, path: JsonPath, ancestors: { node: Node; path: JsonPath }[]): FoundPair | undefined => {
    if (isMap(node)) {
      const chain = [...ancestors, { node, path }];
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (key?.range?.[0] === offset) return { pair: pair as Pair, map: node, mapPath: path, ancestors: chain };
        const name = isScalar(key) ? String(key.value) : undefined;
        if (name === undefined) continue;
        const found = walk(pair.value, [...path, name], chain);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      const chain = [...ancestors, { node, path }];
      for (let i = 0; i < node.items.length; i++) {
        const found = walk(node.items[i], [...path, i], chain);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(root, [], []);
}

/** The path of the scalar value whose range starts at `offset`, if any. */
export function valuePathAt(root: Node, offset: number): JsonPath | undefined {
  const walk = (node: unknown, path: JsonPath): JsonPath | undefined => {
    if (isScalar(node)) return node.range?.[0] === offset ? path : undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (name === undefined) continue;
        const found = walk(pair.value, [...path, name]);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const found = walk(node.items[i], [...path, i]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(root, []);
}

/** The pair at `path` below `root` (a path of keys and indexes), and its value. */
export function pairAtPath(root: Node, path: JsonPath): { pair?: Pair; value: unknown } | undefined {
  let current: unknown = root;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!isSeq(current)) return undefined;
      current = current.items[segment];
      pair = undefined;
    } else {
      if (!isMap(current)) return undefined;
      pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === segment) as Pair | undefined;
      if (!pair) return undefined;
      current = pair.value;
    }
    if (current === undefined) return undefined;
  }
  return { pair, value: current };
}
