// Scalars for the fast parser (plainYaml.ts): where a plain scalar may start, and how one
// resolves. Resolution is the yaml package's own: the first default tag of the YAML 1.1
// schema whose test matches the text, then that tag's resolve, so `yes`, `0x1F`, `1:30` or
// `.inf` mean what kubectl reads.
import { Document, isScalar, Scalar, type Schema } from 'yaml';

/** The options every document chunk is parsed with (parseDocument.ts uses them too). */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, version: '1.1', logLevel: 'error' } as const;

/** Thrown inside the parser when the text leaves the subset; never escapes it. */
class OutsideSubset {}
export const OUTSIDE = new OutsideSubset();

const template = new Document(undefined, YAML_OPTIONS);
export const schema: Schema = template.schema;
const resolveOptions = template.options;
// plain scalars are resolved as the yaml package does: the first default tag whose test matches
export const valueTags = schema.tags.filter((tag) => tag.default === true && tag.test);
export const keyTags = schema.tags.filter((tag) => (tag.default === true || tag.default === 'key') && tag.test);
const stringTag = schema.tags.find((tag) => tag.tag === 'tag:yaml.org,2002:str')!;
export const SPACE = 32;
export const NL = 10;

export function fail(): never {
  throw OUTSIDE;
}

/** Can a plain scalar start at p? Indicators that start other things, or that the subset leaves out, cannot. */
export function startsPlain(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  switch (c) {
    case 35: case 38: case 42: case 33: case 124: case 62: case 39: case 34: case 37: case 64: case 96:
    case 44: case 91: case 93: case 123: case 125: case 32: case NL:
      return false;
    case 45: case 63: case 58: {
      const next = text.charCodeAt(p + 1);
      return !(next === SPACE || next === NL || Number.isNaN(next));
    }
    default:
      return !Number.isNaN(c);
  }
}

/** Could a plain scalar be anything but a string? Only these first characters (or the empty text) start another type. */
function mayResolveOtherwise(source: string): boolean {
  if (source.length === 0) return true;
  const c = source.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 60) return true;
  // null and booleans: ~, null, y, yes, true, on, n, no, false, off in their spellings
  return source.length <= 5 && 'NnYyTtOoFf'.includes(source[0]);
}

function plainTag(source: string, tags: readonly (typeof schema.tags)[number][]): (typeof schema.tags)[number] {
  if (!mayResolveOtherwise(source)) return stringTag;
  for (const t of tags) if ((t as { test?: RegExp }).test!.test(source)) return t;
  return stringTag;
}

function resolveWith(tag: (typeof schema.tags)[number], source: string): unknown {
  let failed = false;
  const resolved = (tag as { resolve: (value: string, onError: (m: string) => void, options: object) => unknown }).resolve(source, () => (failed = true), resolveOptions);
  if (failed) fail();
  return resolved;
}

/** The node the yaml package makes of a plain scalar (without its range). */
export function resolvePlain(source: string, tags: readonly (typeof schema.tags)[number][]): Scalar {
  const tag = plainTag(source, tags);
  const resolved = resolveWith(tag, source);
  const node = isScalar(resolved) ? resolved : new Scalar(resolved);
  node.source = source;
  node.type = Scalar.PLAIN;
  if (tag.format) node.format = tag.format;
  return node;
}

/** Just the resolved value of a plain scalar, as `resolvePlain(...).value`. */
export function resolvePlainValue(source: string, tags: readonly (typeof schema.tags)[number][]): unknown {
  const tag = plainTag(source, tags);
  if (tag === stringTag) return source;
  const resolved = resolveWith(tag, source);
  return isScalar(resolved) ? resolved.value : resolved;
}

/** A resolved value as `toJS()` gives it, when that is the value itself. */
export function plainJs(value: unknown): unknown {
  if (typeof value === 'object' && value !== null) fail(); // a timestamp: toJS gives a string
  if (typeof value === 'bigint') fail();
  return value;
}
