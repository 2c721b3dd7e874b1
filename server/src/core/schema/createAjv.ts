// One ajv instance per registry, set up for the schemas scripts/generateSchemas.mjs writes:
// draft-07, strict (a schema the generator got wrong fails to compile in the tests instead of
// being half-checked), all errors at once, and our own formats and keywords.
import Ajv from 'ajv';
import { MESH_FORMATS } from './formats';
import { MESH_KEYWORDS } from './keywords';

export function createAjv(): Ajv {
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
    // ajv's optimiser triples compile time (the cost a user sees on opening a file) for no
    // measurable gain in validation time on these schemas
    code: { optimize: false },
    // repeated subschemas live in `definitions`: compile each once instead of inlining copies
    inlineRefs: false,
    // the generator's output is checked against the meta-schema in the tests, not on every start
    validateSchema: false,
  });
  for (const f of MESH_FORMATS) ajv.addFormat(f.name, { type: 'string', validate: f.validate });
  for (const k of MESH_KEYWORDS) ajv.addKeyword(k);
  return ajv;
}
