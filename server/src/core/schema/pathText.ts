// Paths as messages show them: `spec.http[0].route[0].destination`, `metadata.labels["app.kubernetes.io/name"]`.
import type { JsonPath } from '../parse/locator';

export const LIST_ITEM: unique symbol = Symbol('list item');
export const MAP_VALUE: unique symbol = Symbol('map value');
/** A step in a schema path: a property name, any list item, or any value of a map. */
export type SchemaStep = string | typeof LIST_ITEM | typeof MAP_VALUE;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

export function formatPath(path: readonly (string | number | SchemaStep)[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (step === LIST_ITEM) out += '[]';
    else if (step === MAP_VALUE) out += '.<key>';
    else if (PLAIN_KEY.test(step)) out += out ? `.${step}` : step;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}

/** The name a message gives the value at `path`: its last key and any list indexes after it (`hosts[0]`). */
export function subjectOf(path: JsonPath): string {
  let i = path.length - 1;
  while (i > 0 && typeof path[i] === 'number') i--;
  if (i < 0) return 'the document';
  const [head, ...indexes] = path.slice(i);
  // the key as written, even when a path would need brackets (`app.kubernetes.io/name`)
  return typeof head === 'string' ? head + formatPath(indexes) : formatPath([head, ...indexes]);
}

/** Turns ajv's instancePath (a JSON pointer) into keys and list indexes, using the data to tell `0` the key from `0` the index. */
export function pointerToPath(pointer: string, root: unknown): (string | number)[] {
  if (!pointer) return [];
  const path: (string | number)[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(token);
      path.push(index);
      current = current[index];
    } else {
      path.push(token);
      current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[token] : undefined;
    }
  }
  return path;
}
