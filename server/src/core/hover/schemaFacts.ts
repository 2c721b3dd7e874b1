// The structural facts a hover states about a field, read from the generated schema: type,
// allowed values, default, bounds, format, whether it is required, and which sibling fields
// exclude it. Phrased for people; no upstream prose exists in the schemas to repeat.
import { formatInfo } from '../schema/formats';
import { asNode, deref, type SchemaNode } from '../schema/schemaWalk';

export interface FieldFacts {
  readonly type: string;
  readonly values?: readonly string[];
  readonly default?: string;
  readonly required?: boolean;
  /** Bounds, formats, patterns and exclusive groups, each a short phrase. */
  readonly constraints: readonly string[];
  /** The fields of an object value (first few). */
  readonly fields?: readonly string[];
}

interface Extra extends SchemaNode {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly 'x-mm-exclusive'?: readonly (readonly string[])[];
  readonly 'x-mm-exactly-one'?: readonly (readonly string[])[];
  readonly 'x-mm-duration-min'?: string;
  readonly 'x-kubernetes-int-or-string'?: boolean;
}

const MAX_FIELDS = 12;
const MAX_VALUES = 24;
const MAX_PATTERN = 60;

function typesOf(node: Extra): string[] {
  if (node['x-kubernetes-int-or-string']) return ['integer', 'string'];
  if (Array.isArray(node.type)) return (node.type as string[]).filter((t) => t !== 'null');
  if (typeof node.type === 'string') return [node.type];
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives) return [...new Set(alternatives.flatMap((a) => typesOf(a as Extra)))];
  if (node.properties) return ['object'];
  return [];
}

function plural(type: string): string {
  if (type.startsWith('list of') || type.startsWith('map of')) return type;
  if (type === 'any value') return 'values';
  return `${type.split(' ')[0]}s${type.includes(' ') ? type.slice(type.indexOf(' ')) : ''}`;
}

export function typeText(root: SchemaNode, node: SchemaNode): string {
  const n = node as Extra;
  const types = typesOf(n);
  if (types.length === 0) return 'any value';
  if (types.length === 1 && types[0] === 'array') {
    const items = deref(root, asNode(n.items));
    return `list of ${items ? plural(typeText(root, items)) : 'values'}`;
  }
  if (types.length === 1 && types[0] === 'object' && !n.properties) {
    const values = deref(root, asNode(n.additionalProperties));
    return values ? `map of string to ${typeText(root, values)}` : 'object';
  }
  if (types.length === 1 && types[0] === 'string' && n.format === 'mm-duration') return 'duration (string)';
  return types.join(' or ');
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? `\`${value}\`` : `\`${JSON.stringify(value)}\``;
}

function boundsOf(n: Extra): string[] {
  const out: string[] = [];
  const low = n.minimum ?? n.exclusiveMinimum;
  const high = n.maximum ?? n.exclusiveMaximum;
  // int32/uint32 bounds only restate the storage type: not worth a line
  const trivial = (v: number | undefined) => v === undefined || Math.abs(v) >= 2147483647 || v === -2147483648;
  if (!trivial(low) && !trivial(high)) out.push(`from ${low} to ${high}`);
  else if (!trivial(low)) out.push(`${n.exclusiveMinimum !== undefined ? 'more than' : 'at least'} ${low}`);
  else if (!trivial(high)) out.push(`${n.exclusiveMaximum !== undefined ? 'less than' : 'at most'} ${high}`);
  if (n.minLength !== undefined && n.minLength > 0) out.push(`at least ${n.minLength} character${n.minLength === 1 ? '' : 's'}`);
  if (n.maxLength !== undefined) out.push(`at most ${n.maxLength} characters`);
  if (n.minItems !== undefined && n.minItems > 0) out.push(`at least ${n.minItems} item${n.minItems === 1 ? '' : 's'}`);
  if (n.maxItems !== undefined) out.push(`at most ${n.maxItems} items`);
  if (n.format) {
    const info = formatInfo(n.format);
    if (info) out.push(info.expected);
  }
  if (n['x-mm-duration-min']) out.push(`at least ${n['x-mm-duration-min']}`);
  // long patterns (Gateway API's protocol names) read worse than no pattern at all
  if (n.pattern) out.push(n.pattern.length <= MAX_PATTERN ? `matches \`${n.pattern}\`` : 'matches a pattern (see the schema)');
  return out;
}

function groupsWith(holder: Extra | undefined, name: string | undefined): string[] {
  if (!holder || name === undefined) return [];
  const out: string[] = [];
  const others = (group: readonly string[]) => group.filter((g) => g !== name).map((g) => `\`${g}\``).join(', ');
  for (const group of holder['x-mm-exclusive'] ?? []) if (group.includes(name)) out.push(`cannot be set together with ${others(group)}`);
  for (const group of holder['x-mm-exactly-one'] ?? []) if (group.includes(name)) out.push(`exactly one of this and ${others(group)} must be set`);
  return out;
}

function enumOf(root: SchemaNode, n: Extra): unknown[] | undefined {
  if (n.enum) return [...n.enum];
  if (typesOf(n).includes('array')) {
    const items = deref(root, asNode(n.items)) as Extra | undefined;
    if (items?.enum) return [...items.enum];
  }
  return undefined;
}

/** `name` is the field's own name in `holder` (undefined for list items and map values). */
export function fieldFacts(root: SchemaNode, node: SchemaNode, holder: SchemaNode | undefined, name: string | undefined): FieldFacts {
  const n = node as Extra;
  const values = enumOf(root, n)?.filter((v) => v !== null);
  const fields = n.properties ? Object.keys(n.properties) : undefined;
  return {
    type: typeText(root, node),
    values: values && values.length > 0 ? values.slice(0, MAX_VALUES).map(valueText).concat(values.length > MAX_VALUES ? ['…'] : []) : undefined,
    default: n.default !== undefined ? valueText(n.default) : undefined,
    required: holder && name !== undefined ? (holder.required ?? []).includes(name) : undefined,
    constraints: [...boundsOf(n), ...groupsWith(holder as Extra | undefined, name)],
    fields: fields && fields.length > 0 ? fields.slice(0, MAX_FIELDS).concat(fields.length > MAX_FIELDS ? ['…'] : []) : undefined,
  };
}
