// Reads the JSON Schemas shipped in schemas/ (beside dist/) for the schema validator:
// the index once, each schema file when its kind is first validated, and with it the validator
// the build precompiled for it in dist/validators (scripts/buildValidators.mjs), so a first
// validation needs no ajv compile. The only file-system access of the validator; the core
// receives plain functions.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateResource } from './core/analyzeFile';
import { createSchemaRegistry, validateResource, type SchemaIndexEntry, type SchemaRegistry, type Validator } from './core/schema/index';

export function schemasFolder(): string {
  // dist/server.js and dist/cli.js both sit one folder below the package root
  return path.join(__dirname, '..', 'schemas');
}

export function validatorsFolder(): string {
  return path.join(__dirname, 'validators');
}

/** dist/validators/index.json: per schema file, its validator module and the sha256 of the schema it was made from. */
interface ValidatorManifest {
  readonly validators: Readonly<Record<string, { readonly module: string; readonly sha256: string }>>;
}

/**
 * The precompiled validator of a schema file, or undefined (the registry then compiles the
 * schema): none built (a source checkout before `npm run build`), none for that file, or one
 * made from a different version of the schema file (schemas/ regenerated since the build).
 */
export function precompiledValidators(log: (m: string) => void, folder: string, schemaText: (file: string) => string): (file: string) => Validator | undefined {
  let manifest: ValidatorManifest | null | undefined;
  let warnedStale = false;
  return (file) => {
    if (manifest === undefined) {
      try {
        manifest = JSON.parse(fs.readFileSync(path.join(folder, 'index.json'), 'utf8')) as ValidatorManifest;
      } catch {
        manifest = null;
      }
    }
    const entry = manifest?.validators[file];
    if (!entry) return undefined;
    try {
      const hash = createHash('sha256').update(schemaText(file)).digest('hex');
      if (hash !== entry.sha256) {
        if (!warnedStale) log(`Mumbai Mesh: the precompiled validators in ${folder} were built from other schemas than the shipped ones; compiling those schemas instead (\`npm run build\` updates the validators).`);
        warnedStale = true;
        return undefined;
      }
      const loaded = require(path.join(folder, entry.module)) as unknown;
      return typeof loaded === 'function' ? (loaded as Validator) : undefined;
    } catch (error) {
      log(`Mumbai Mesh: cannot load the precompiled validator of ${file} (${String(error)}); compiling it instead.`);
      return undefined;
    }
  };
}

/**
 * The schema registry over schemas/: the index is read now, each schema (and its precompiled
 * validator) when its kind is first used. Without schemas it is empty (every kind unknown), so
 * schema checks are off and hovers fall back to our own docs. The server makes one and shares
 * it (validation, hover).
 */
export function loadSchemaRegistry(log: (m: string) => void, folder = schemasFolder(), validators = validatorsFolder()): SchemaRegistry {
  let entries: readonly SchemaIndexEntry[];
  try {
    entries = JSON.parse(fs.readFileSync(path.join(folder, 'index.json'), 'utf8')) as SchemaIndexEntry[];
  } catch (error) {
    log(`Mumbai Mesh: no schemas found in ${folder} (${String(error)}); schema checks are off.`);
    entries = [];
  }
  // the registry loads a kind's schema and right after it (unless a validator of the same
  // shape is already there) its validator, whose check hashes the same text: read it once
  let last: { readonly file: string; readonly text: string } | undefined;
  const readText = (file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
  return createSchemaRegistry({
    loadIndex: () => entries,
    loadSchema: (file) => {
      last = { file, text: readText(file) };
      return JSON.parse(last.text) as object;
    },
    loadValidator: precompiledValidators(log, validators, (file) => {
      const text = last?.file === file ? last.text : readText(file);
      last = undefined;
      return text;
    }),
  });
}

export function loadValidateResource(log: (m: string) => void, folder = schemasFolder(), registry = loadSchemaRegistry(log, folder)): ValidateResource {
  return (resource, locator) => validateResource(resource, locator, registry);
}
