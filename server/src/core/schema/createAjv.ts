// One ajv instance per registry, set up for the schemas scripts/generateSchemas.mjs writes:
// draft-07, strict (a schema the generator got wrong fails to compile in the tests instead of
// being half-checked), all errors at once, and our own formats and keywords.
// The build makes one with `standalone` to precompile the shipped schemas into dist/validators
// (scripts/buildValidators.mjs); the same options, so both give the same errors.
import Ajv, { _ } from 'ajv';
import { MESH_KEYWORDS } from './keywords';
import { formats, VALIDATOR_RUNTIME } from './validatorRuntime';

export interface CreateAjvOptions {
  /** Keep each validator's source for ajv's standalone code (build time only). */
  readonly standalone?: boolean;
}

export function createAjv(options: CreateAjvOptions = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // `data` and `parentSchema` on each error let findings name allowed keys and values
    verbose: true,
    // we write our own messages
    messages: false,
    strict: true,
    strictTypes: true,
    strictTuples: true,
    strictRequired: false,
    // nullable fields and int-or-string become type unions
    allowUnionTypes: true,
    logger: false,
    code: {
      // ajv's optimiser triples compile time (the cost a user sees on opening a file) for no
      // measurable gain in validation time on these schemas
      optimize: options.standalone === true ? 1 : false,
      source: options.standalone === true,
      // how standalone code reaches our formats (runtime-compiled code gets them as values)
      formats: _`require(${VALIDATOR_RUNTIME}).formats`,
    },
    // repeated subschemas live in `definitions`: compile each once instead of inlining copies
    inlineRefs: false,
    // the generator's output is checked against the meta-schema in the tests, not on every start
    validateSchema: false,
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  for (const k of MESH_KEYWORDS) ajv.addKeyword(k);
  return ajv;
}
