// Build time only (scripts/buildValidators.mjs bundles this file; the server and CLI never load
// it): a schema file's validator as ajv standalone code, a CommonJS module exporting the
// validate function. Compiled from the same shape, with the same ajv options and keywords, as
// the registry compiles at run time, so both give the same errors. The code `require`s ajv's
// runtime helpers and VALIDATOR_RUNTIME, which the build bundles in.
import standaloneCode from 'ajv/dist/standalone';
import { createAjv } from './createAjv';
import { validatedShape } from './validatedShape';

export { VALIDATOR_RUNTIME } from './validatorRuntime';

export interface PrecompiledValidator {
  /** The schema the validator checks (the registry's key for sharing one validator between files). */
  readonly shape: string;
  readonly code: string;
}

export function precompileValidator(schemaFile: object): PrecompiledValidator {
  const schema = validatedShape(schemaFile);
  // a fresh instance per schema: generated names restart, so a schema's code is reproducible
  const ajv = createAjv({ standalone: true });
  return { shape: JSON.stringify(schema), code: standaloneCode(ajv, ajv.compile(schema)) };
}
