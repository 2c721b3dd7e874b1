// Items from the schema: the keys an object may still take (with the text that opens their
// value at the right indentation, block or flow), the values a field allows (enum, const,
// booleans), and new list entries (`- …`) under a list-typed key.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { item, type ItemContext } from './completionEdits';
import { scalarText } from './scalarText';
import { isArrayShape, isObjectShape, typesOf, type SchemaShape } from './schemaAtPath';

/** What the item's detail says about a field's value. */
export function describeShape(shape: SchemaShape | undefined, required = false): string {
  let what: string;
  const values = (shape?.enum ?? []).filter((v) => v !== null);
  if (values.length) what = `one of ${values.slice(0, 6).join(', ')}${values.length > 6 ? ', …' : ''}`;
  else if (shape?.format === 'mm-duration') what = 'duration (e.g. 5s, 1m30s)';
  else if (isObjectShape(shape) && !shape?.properties) what = 'map';
  else {
    const types = typesOf(shape).filter((t) => t !== 'null');
    what = types.length ? types.map((t) => (t === 'array' ? 'list' : t)).join(' or ') : 'any';
  }
  return required ? `${what} (required)` : what;
}

/** The text that writes `key` and opens its value, for a key starting at `column`. */
export function keyText(ctx: ItemContext, key: string, shape: SchemaShape | undefined, column: number): string {
  const c = ctx.cursor;
  if (c.keyHasColon) return key;
  if (c.flow) return `${key}: `;
  const { indent, indentSequences } = c.layout;
  if (isArrayShape(shape)) return `${key}:\n${' '.repeat(column + (indentSequences ? indent : 0))}- `;
  if (isObjectShape(shape)) return `${key}:\n${' '.repeat(column + indent)}`;
  return `${key}: `;
}

export function keyItems(ctx: ItemContext, shape: SchemaShape | undefined, present: readonly string[], options: { column?: number; prefix?: string; skip?: readonly string[]; resolve?: (s: SchemaShape | undefined) => SchemaShape | undefined } = {}): CompletionItem[] {
  const properties = shape?.properties ?? {};
  const required = new Set(shape?.required ?? []);
  const column = options.column ?? ctx.cursor.column;
  const items: CompletionItem[] = [];
  for (const [key, raw] of Object.entries(properties)) {
    if (present.includes(key) || options.skip?.includes(key)) continue;
    const child = options.resolve ? options.resolve(raw) : raw;
    items.push(item(ctx, key, CompletionItemKind.Property, (options.prefix ?? '') + keyText(ctx, key, child, column), {
      detail: describeShape(child, required.has(key)),
      rank: required.has(key) ? 0 : 1,
      filterText: options.prefix ? key : undefined,
    }));
  }
  return items;
}

/** The values a field allows by its schema: enum or const members, else true/false for booleans. */
export function schemaValues(shape: SchemaShape | undefined): string[] {
  if (!shape) return [];
  if (shape.const !== undefined && shape.const !== null) return [String(shape.const)];
  const values = (shape.enum ?? []).filter((v) => v !== null && v !== undefined).map(String);
  if (values.length) return values;
  return typesOf(shape).includes('boolean') ? ['true', 'false'] : [];
}

export function valueItems(ctx: ItemContext, shape: SchemaShape | undefined, prefix = ''): CompletionItem[] {
  const isString = typesOf(shape).includes('string') || (shape?.enum ?? []).some((v) => typeof v === 'string');
  return schemaValues(shape).map((v) => {
    const text = isString && !typesOf(shape).includes('boolean') ? scalarText(v, ctx.cursor.flow) : v;
    return item(ctx, v, shape?.enum ? CompletionItemKind.EnumMember : CompletionItemKind.Value, prefix + text, { detail: describeShape(shape), filterText: prefix ? v : undefined });
  });
}
