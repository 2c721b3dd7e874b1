// Turns ajv's raw errors into one issue per real mistake:
// - ajv's summaries of combinators (if/oneOf/anyOf/not) are dropped; our schemas carry our
//   own keywords for those shapes instead;
// - `field: null` is not an error: Kubernetes prunes null fields before it validates, so it
//   only matters when the field is required;
// - a value of the wrong type reports that alone, never its enum, format, bounds or children;
// - any other value reports its first problem only (`header: ""` is empty, not also off-pattern);
// - a missing required field that an unknown sibling was probably meant to be (a typo) is
//   reported once, as the unknown field with its "did you mean".
import type { ErrorObject } from 'ajv';
import type { JsonPath } from '../parse/locator';
import { closestName } from './editDistance';
import { DURATION_MIN, EXACTLY_ONE, EXCLUSIVE } from './keywords';
import { pointerToPath } from './pathText';
import { schemaAt, type SchemaNode } from './schemaWalk';

const HANDLED = new Set([
  'additionalProperties', 'type', 'enum', 'const', 'required', 'format', 'pattern',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
  EXCLUSIVE, EXACTLY_ONE, DURATION_MIN,
]);

export interface Issue {
  readonly keyword: string;
  /** The value the issue is about; for an unknown field, the field; for required, the parent object. */
  readonly path: JsonPath;
  readonly error: ErrorObject;
  /** Unknown field: the closest allowed sibling name. */
  readonly suggestion?: string;
  /** Required: the field that is there but empty (`spec:` with no value). */
  readonly emptyField?: string;
}

// Problems of a single value, most telling first; only the first one found is reported.
const VALUE_PRIORITY = [
  'type', 'const', 'enum', 'minLength', 'format', 'pattern', DURATION_MIN, 'maxLength',
  'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
];

const pathKey = (path: JsonPath) => JSON.stringify(path);

function isUnder(path: JsonPath, ancestor: JsonPath): boolean {
  if (path.length < ancestor.length) return false;
  for (let i = 0; i < ancestor.length; i++) if (path[i] !== ancestor[i]) return false;
  return true;
}

function allowedKeys(error: ErrorObject): string[] {
  const props = (error.parentSchema as { properties?: object } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

/** Does the object at `parent` list `name` as required? */
function requiredAt(schema: object, parent: JsonPath, name: string): boolean {
  return schemaAt(schema as SchemaNode, parent)?.required?.includes(name) === true;
}

export function collectIssues(errors: readonly ErrorObject[], root: unknown, schema: object): Issue[] {
  const issues: Issue[] = [];
  for (const error of errors) {
    if (!HANDLED.has(error.keyword)) continue;
    const path = pointerToPath(error.instancePath, root);
    if (error.keyword === 'additionalProperties') {
      const field = String((error.params as { additionalProperty: string }).additionalProperty);
      // a merge key the parser kept as a plain key: merging is the parser's business, not a field
      if (field === '<<') continue;
      issues.push({ keyword: error.keyword, path: [...path, field], error, suggestion: closestName(field, allowedKeys(error)) });
      continue;
    }
    if (error.data === null && typeof path[path.length - 1] === 'string' && error.keyword !== 'required') {
      const field = String(path[path.length - 1]);
      if (error.keyword === 'type' && requiredAt(schema, path.slice(0, -1), field)) {
        issues.push({ keyword: 'required', path: path.slice(0, -1), error, emptyField: field });
      }
      continue;
    }
    issues.push({ keyword: error.keyword, path, error });
  }

  const wrongType = issues.filter((i) => i.keyword === 'type').map((i) => i.path);
  const typoOf = new Map<string, Set<string>>();
  for (const i of issues) {
    if (i.keyword !== 'additionalProperties' || !i.suggestion) continue;
    const parent = pathKey(i.path.slice(0, -1));
    typoOf.set(parent, (typoOf.get(parent) ?? new Set()).add(i.suggestion));
  }
  const firstProblem = new Map<string, Issue>();
  for (const i of issues) {
    const rank = VALUE_PRIORITY.indexOf(i.keyword);
    if (rank < 0) continue;
    const key = pathKey(i.path);
    const held = firstProblem.get(key);
    if (!held || rank < VALUE_PRIORITY.indexOf(held.keyword)) firstProblem.set(key, i);
  }
  const seen = new Set<string>();
  return issues.filter((i) => {
    if (VALUE_PRIORITY.includes(i.keyword) && firstProblem.get(pathKey(i.path)) !== i) return false;
    if (i.keyword !== 'type' && wrongType.some((p) => isUnder(i.path, p))) return false;
    if (i.keyword === 'type' && wrongType.some((p) => p !== i.path && p.length < i.path.length && isUnder(i.path, p))) return false;
    if (i.keyword === 'required' && i.emptyField === undefined) {
      const missing = String((i.error.params as { missingProperty: string }).missingProperty);
      if (typoOf.get(pathKey(i.path))?.has(missing)) return false;
    }
    const key = `${i.keyword}\n${pathKey(i.path)}\n${JSON.stringify(i.error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
