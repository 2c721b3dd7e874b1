// Custom keywords the generator writes where a CRD rule has no plain JSON Schema form:
//   x-mm-exclusive     [[a, b, c], …]  at most one field of each group may be set
//                      (Istio writes this as a oneOf/not/anyOf construct)
//   x-mm-exactly-one   [[a, b], …]     exactly one field of each group must be set
//   x-mm-duration-min  "1ms"           from the CEL rule duration(self) >= duration('1ms')
// Each reports one error naming the fields, so a finding says "set only one of a, b, c"
// instead of ajv's "must match exactly one schema".
import type { ErrorObject, FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';
import { parseGoDuration } from './goDuration';

export const EXCLUSIVE = 'x-mm-exclusive';
export const EXACTLY_ONE = 'x-mm-exactly-one';
export const DURATION_MIN = 'x-mm-duration-min';

export interface GroupErrorParams {
  readonly fields: readonly string[];
  /** The fields of the group that are set, in the order the group lists them. */
  readonly present: readonly string[];
}

type Errors = Partial<ErrorObject>[];

function isSet(data: Record<string, unknown>, key: string): boolean {
  // Kubernetes prunes null fields before it validates, so `key: null` counts as unset.
  return Object.prototype.hasOwnProperty.call(data, key) && data[key] !== null && data[key] !== undefined;
}

function groupKeyword(keyword: string, bad: (present: number) => boolean): FuncKeywordDefinition {
  const validate: SchemaValidateFunction = (groups: string[][], data: Record<string, unknown>) => {
    const errors: Errors = [];
    for (const fields of groups) {
      const present = fields.filter((f) => isSet(data, f));
      if (bad(present.length)) errors.push({ keyword, params: { fields, present } satisfies GroupErrorParams });
    }
    validate.errors = errors;
    return errors.length === 0;
  };
  return { keyword, type: 'object', schemaType: 'array', errors: true, validate };
}

const durationMin: SchemaValidateFunction = (min: string, data: string) => {
  const value = parseGoDuration(data);
  const limit = parseGoDuration(min);
  // a malformed duration is the format's finding, not this one
  if (value === undefined || limit === undefined || value >= limit) {
    durationMin.errors = [];
    return true;
  }
  durationMin.errors = [{ keyword: DURATION_MIN, params: { limit: min } }];
  return false;
};

export const MESH_KEYWORDS: readonly FuncKeywordDefinition[] = [
  groupKeyword(EXCLUSIVE, (n) => n > 1),
  groupKeyword(EXACTLY_ONE, (n) => n !== 1),
  { keyword: DURATION_MIN, type: 'string', schemaType: 'string', errors: true, validate: durationMin },
];
