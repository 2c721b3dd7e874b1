// Custom keywords the generator writes where a CRD rule has no plain JSON Schema form:
//   x-mm-exclusive     [[a, b, c], …]  at most one field of each group may be set
//                      (Istio writes this as a oneOf/not/anyOf construct)
//   x-mm-exactly-one   [[a, b], …]     exactly one field of each group must be set
//   x-mm-duration-min  "1ms"           from the CEL rule duration(self) >= duration('1ms')
// Each reports one error naming the fields, so a finding says "set only one of a, b, c"
// instead of ajv's "must match exactly one schema".
// They generate code (rather than being `validate` functions) so that ajv's standalone code
// can hold them: scripts/buildValidators.mjs precompiles the shipped schemas with them.
import { _, type Code, type CodeKeywordDefinition } from 'ajv';
import { belowDurationMin, VALIDATOR_RUNTIME } from './validatorRuntime';

export const EXCLUSIVE = 'x-mm-exclusive';
export const EXACTLY_ONE = 'x-mm-exactly-one';
export const DURATION_MIN = 'x-mm-duration-min';

export interface GroupErrorParams {
  /** The group as the schema lists it. */
  readonly fields: readonly string[];
  /** The fields of the group that are set, in the order the group lists them. */
  readonly present: readonly string[];
}

function groupKeyword(keyword: string, bad: (present: Code) => Code): CodeKeywordDefinition {
  return {
    keyword,
    type: 'object',
    schemaType: 'array',
    error: {
      message: `must pass "${keyword}" keyword validation`,
      params: ({ params }) => _`{fields: ${params.fields}, present: ${params.present}}`,
    },
    code(cxt) {
      const { gen, data, schemaValue } = cxt;
      (cxt.schema as string[][]).forEach((fields, i) => {
        const present = gen.const('present', _`[]`);
        for (const field of fields) {
          // Kubernetes prunes null fields before it validates, so `key: null` counts as unset.
          const isSet = _`Object.prototype.hasOwnProperty.call(${data}, ${field}) && ${data}[${field}] !== null && ${data}[${field}] !== undefined`;
          gen.if(isSet, () => gen.code(_`${present}.push(${field})`));
        }
        gen.if(bad(_`${present}.length`), () => cxt.error(false, { fields: _`${schemaValue}[${i}]`, present }));
      });
    },
  };
}

const durationMin: CodeKeywordDefinition = {
  keyword: DURATION_MIN,
  type: 'string',
  schemaType: 'string',
  error: {
    message: `must pass "${DURATION_MIN}" keyword validation`,
    params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
  },
  code(cxt) {
    const below = cxt.gen.scopeValue('func', { ref: belowDurationMin, code: _`require(${VALIDATOR_RUNTIME}).belowDurationMin` });
    cxt.fail(_`${below}(${cxt.data}, ${cxt.schemaCode})`);
  },
};

export const MESH_KEYWORDS: readonly CodeKeywordDefinition[] = [
  groupKeyword(EXCLUSIVE, (n) => _`${n} > 1`),
  groupKeyword(EXACTLY_ONE, (n) => _`${n} !== 1`),
  durationMin,
];
