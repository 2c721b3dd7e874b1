// Follows a resource path through its kind's generated schema: the schema of the field, the
// object that holds it (for `required` and the exclusive groups), and the path as our doc keys
// spell it — `[]` for list items, `*` for map keys (which only the schema can tell apart from
// field names). Without a schema, every key is taken as a field name.
import type { JsonPath } from '../parse/locator';
import { LIST_ITEM, MAP_VALUE } from '../schema/pathText';
import { deref, step, type SchemaNode } from '../schema/schemaWalk';

export interface SchemaField {
  /** `spec.http[].retries.attempts`, `metadata.labels.*` */
  readonly docPath: string;
  /** The field's schema; undefined when the schema does not know the path. */
  readonly node?: SchemaNode;
  /** The schema of the object holding the field (when the last step is a property). */
  readonly holder?: SchemaNode;
  /** True when a schema was given and follows the whole path. */
  readonly known: boolean;
}

function joinDocPath(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (part === '[]') out += '[]';
    else out += out ? `.${part}` : part;
  }
  return out;
}

export function plainDocPath(path: JsonPath): string {
  return joinDocPath(path.map((segment) => (typeof segment === 'number' ? '[]' : segment)));
}

export function schemaField(root: SchemaNode | undefined, path: JsonPath): SchemaField {
  if (!root) return { docPath: plainDocPath(path), known: false };
  const parts: string[] = [];
  let node: SchemaNode | undefined = deref(root, root);
  let holder: SchemaNode | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const next = node ? step(root, node, segment) : undefined;
    if (!next) {
      // the schema ends here: spell the rest plainly
      parts.push(...path.slice(i).map((s) => (typeof s === 'number' ? '[]' : s)));
      return { docPath: joinDocPath(parts), known: false };
    }
    const [taken, child] = next;
    holder = taken === LIST_ITEM || taken === MAP_VALUE ? undefined : node;
    parts.push(taken === LIST_ITEM ? '[]' : taken === MAP_VALUE ? '*' : taken);
    node = child;
  }
  return { docPath: joinDocPath(parts), node, holder, known: node !== undefined };
}
