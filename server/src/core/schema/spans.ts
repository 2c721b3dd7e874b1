// Where a finding goes: the key of an unknown field, the offending value, or the key of the
// object that misses a field. When the locator cannot follow a path (a value that came in
// through a merge key or alias), the nearest ancestor that it can follow is used instead.
import { isScalar } from 'yaml';
import type { Span } from '../finding';
import type { JsonPath, Locator } from '../parse/locator';

export interface Spans {
  key(path: JsonPath): Span;
  /** The value; for an object or list held by a key, the key (a whole block is too wide). */
  value(path: JsonPath): Span;
  /** For "missing field" findings: the object's key, the first key of a list item, or `kind` at the top. */
  holder(path: JsonPath): Span;
  /** The scalar's text as written, when the value is a scalar. */
  sourceText(path: JsonPath): string | undefined;
}

export function valueAt(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

export function createSpans(locator: Locator, root: unknown): Spans {
  const fallback = (path: JsonPath): Span => {
    for (let i = path.length - 1; i > 0; i--) {
      const span = locator.key(path.slice(0, i));
      if (span) return span;
    }
    return locator.value(['kind']) ?? { start: 0, end: 0 };
  };
  const key = (path: JsonPath) => locator.key(path) ?? fallback(path);
  return {
    key,
    value(path) {
      const v = valueAt(root, path);
      if (v !== null && typeof v === 'object' && typeof path[path.length - 1] === 'string') return key(path);
      const span = locator.value(path);
      // an empty list item (`-` and nothing) has a zero-width range: show its list's key instead
      return span && span.end > span.start ? span : fallback(path);
    },
    holder(path) {
      if (path.length === 0) return locator.value(['kind']) ?? { start: 0, end: 0 };
      if (typeof path[path.length - 1] === 'number') {
        const v = valueAt(root, path);
        const first = v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v)[0] : undefined;
        if (first !== undefined) return key([...path, first]);
        return locator.value(path) ?? fallback(path);
      }
      return key(path);
    },
    sourceText(path) {
      const node = locator.node(path);
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    },
  };
}
