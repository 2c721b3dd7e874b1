// What the cursor is on: the resource, and the key or scalar value at an offset, as a path of
// keys and list indexes from the resource's top — the same paths the schema layer and the
// locator use. Walks only the YAML nodes the cursor is inside, so it costs one path's depth.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { AnalyzedFile } from '../analyzeFile';
import type { Resource } from '../parse/extractResources';
import type { JsonPath } from '../parse/locator';

export interface CursorTarget {
  readonly resource: Resource;
  /** Offset of the resource's YAML document in the file (node ranges are relative to it). */
  readonly base: number;
  /** For a key: the path of its field. For a value: the path of the value (list items end in an index). */
  readonly path: JsonPath;
  readonly on: 'key' | 'value';
  /** Absolute offsets of the hovered key or scalar. */
  readonly start: number;
  readonly end: number;
  /** The scalar under the cursor (the key's name, or the value). */
  readonly scalar: unknown;
}

type Range = readonly [number, number, number?];

function inside(range: Range | undefined | null, offset: number): boolean {
  return !!range && range[0] <= offset && offset <= range[1];
}

interface Found {
  readonly path: JsonPath;
  readonly on: 'key' | 'value';
  readonly range: Range;
  readonly scalar: unknown;
}

function walk(node: Node | null | undefined, offset: number, path: JsonPath): Found | undefined {
  if (!node) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key)) continue; // complex keys: nothing to say about them
      const name = String(key.value);
      if (key.range && inside(key.range, offset)) return { path: [...path, name], on: 'key', range: key.range, scalar: key.value };
      const value = pair.value as Node | null;
      if (value && inside(value.range, offset)) return walk(value, offset, [...path, name]);
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (item && inside(item.range, offset)) return walk(item, offset, [...path, i]);
    }
    return undefined;
  }
  if (isScalar(node) && node.range) return { path, on: 'value', range: node.range, scalar: node.value };
  return undefined;
}

export function cursorTarget(file: AnalyzedFile, offset: number): CursorTarget | undefined {
  for (let d = file.documents.length - 1; d >= 0; d--) {
    const { offset: base, analysis } = file.documents[d];
    if (offset < base) continue;
    if (offset > base + analysis.text.length) return undefined;
    const local = offset - base;
    for (const resource of analysis.resources) {
      if (!inside(resource.node.range, local)) continue;
      const found = walk(resource.node, local, []);
      if (!found) return undefined;
      return { resource, base, path: found.path, on: found.on, start: base + found.range[0], end: base + found.range[1], scalar: found.scalar };
    }
    return undefined;
  }
  return undefined;
}
