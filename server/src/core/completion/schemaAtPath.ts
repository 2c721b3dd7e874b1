// Which part of a generated schema applies at a YAML path: properties by name, list items
// by index, map values through additionalProperties, `$ref`s into the root's `definitions`
// (where the generator puts subschemas that repeat), and the branches of allOf/anyOf/oneOf
// merged, since completion offers whatever any branch allows.
import type { JsonPath } from '../parse/locator';

export interface SchemaShape {
  readonly type?: string | readonly string[];
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaShape>>;
  readonly required?: readonly string[];
  readonly items?: SchemaShape;
  readonly additionalProperties?: SchemaShape | boolean;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly definitions?: Readonly<Record<string, SchemaShape>>;
  readonly allOf?: readonly SchemaShape[];
  readonly anyOf?: readonly SchemaShape[];
  readonly oneOf?: readonly SchemaShape[];
}

const own = (o: object | undefined, key: string) => o !== undefined && Object.prototype.hasOwnProperty.call(o, key);

function isShape(value: unknown): value is SchemaShape {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deref(root: SchemaShape, node: SchemaShape | undefined): SchemaShape | undefined {
  let current = node;
  for (let hops = 0; current?.$ref !== undefined && hops < 32; hops++) {
    const prefix = '#/definitions/';
    const name = current.$ref.startsWith(prefix) ? current.$ref.slice(prefix.length) : undefined;
    current = name !== undefined && own(root.definitions, name) ? root.definitions?.[name] : undefined;
  }
  return current;
}

/** The node with its `$ref` resolved and its combinator branches folded in. */
export function resolveShape(root: SchemaShape, node: SchemaShape | undefined, depth = 0): SchemaShape | undefined {
  const base = deref(root, node);
  if (!base || depth > 8) return base;
  const branches = [...(base.allOf ?? []), ...(base.anyOf ?? []), ...(base.oneOf ?? [])]
    .map((b) => resolveShape(root, b, depth + 1))
    .filter(isShape);
  if (branches.length === 0) return base;
  let properties: Record<string, SchemaShape> | undefined = base.properties ? { ...base.properties } : undefined;
  let enumValues = base.enum ? [...base.enum] : undefined;
  let items = base.items;
  let type = base.type;
  for (const b of branches) {
    if (b.properties) properties = { ...b.properties, ...(properties ?? {}) };
    if (b.enum) enumValues = [...(enumValues ?? []), ...b.enum.filter((v) => !(enumValues ?? []).includes(v))];
    items ??= b.items;
    type ??= b.type;
  }
  return { ...base, properties, enum: enumValues, items, type };
}

/** The schema that applies at `path` below `root`, resolved; undefined where the schema stops. */
export function schemaAtPath(root: object, path: JsonPath): SchemaShape | undefined {
  const top = root as SchemaShape;
  let node = resolveShape(top, top);
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = isShape(node.items) ? resolveShape(top, node.items) : undefined;
    } else if (own(node.properties, segment)) {
      node = resolveShape(top, node.properties?.[segment]);
    } else {
      node = isShape(node.additionalProperties) ? resolveShape(top, node.additionalProperties) : undefined;
    }
  }
  return node;
}

export function typesOf(shape: SchemaShape | undefined): readonly string[] {
  if (!shape) return [];
  if (Array.isArray(shape.type)) return shape.type as readonly string[];
  if (typeof shape.type === 'string') return [shape.type];
  if (shape.properties || shape.additionalProperties !== undefined) return ['object'];
  if (shape.items) return ['array'];
  return [];
}

export function isObjectShape(shape: SchemaShape | undefined): boolean {
  return shape !== undefined && (typesOf(shape).includes('object') || shape.properties !== undefined);
}

export function isArrayShape(shape: SchemaShape | undefined): boolean {
  return shape !== undefined && typesOf(shape).includes('array');
}

/** The item schema of a list schema, resolved. */
export function itemShape(root: object, shape: SchemaShape | undefined): SchemaShape | undefined {
  return shape && isShape(shape.items) ? resolveShape(root as SchemaShape, shape.items) : undefined;
}
