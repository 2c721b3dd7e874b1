// Following a generated schema by hand (for hints, not for validation): properties, list
// items, map values, and `$ref`s into the root's `definitions`, where the generator puts
// subschemas that repeat.
import type { JsonPath } from '../parse/locator';
import { LIST_ITEM, MAP_VALUE, type SchemaStep } from './pathText';

export interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

export function asNode(value: unknown): SchemaNode | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SchemaNode) : undefined;
}

/** `node` with its `$ref` (if any) resolved against `root`. */
export function deref(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; current?.$ref !== undefined && hops < 32; hops++) {
    const name = current.$ref.startsWith('#/definitions/') ? current.$ref.slice('#/definitions/'.length) : undefined;
    current = name !== undefined && root.definitions && own(root.definitions, name) ? root.definitions[name] : undefined;
  }
  return current;
}

/** The step that `segment` takes from `node`, and the schema it leads to. */
export function step(root: SchemaNode, node: SchemaNode, segment: string | number): [SchemaStep, SchemaNode | undefined] | undefined {
  if (typeof segment === 'number') {
    const items = asNode(node.items);
    return items ? [LIST_ITEM, deref(root, items)] : undefined;
  }
  if (node.properties && own(node.properties, segment)) return [segment, deref(root, asNode(node.properties[segment]))];
  const values = asNode(node.additionalProperties);
  return values ? [MAP_VALUE, deref(root, values)] : undefined;
}

/** The schema that applies at `path`, if the schema follows it that far. */
export function schemaAt(root: SchemaNode, path: JsonPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = deref(root, root);
  for (const segment of path) {
    if (!node) return undefined;
    node = step(root, node, segment)?.[1];
  }
  return node;
}
