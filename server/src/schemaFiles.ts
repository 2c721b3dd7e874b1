// Reads the JSON Schemas shipped in schemas/ (beside dist/) for the schema validator:
// the index once, each schema file when its kind is first validated. The only file-system
// access of the validator; the core receives plain functions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateResource } from './core/analyzeFile';
import { createSchemaRegistry, validateResource, type SchemaIndexEntry } from './core/schema/index';

export function schemasFolder(): string {
  // dist/server.js and dist/cli.js both sit one folder below the package root
  return path.join(__dirname, '..', 'schemas');
}

export function loadValidateResource(log: (m: string) => void, folder = schemasFolder()): ValidateResource {
  let entries: readonly SchemaIndexEntry[];
  try {
    entries = JSON.parse(fs.readFileSync(path.join(folder, 'index.json'), 'utf8')) as SchemaIndexEntry[];
  } catch (error) {
    log(`Mumbai Mesh: no schemas found in ${folder} (${String(error)}); schema checks are off.`);
    return () => [];
  }
  const registry = createSchemaRegistry({
    loadIndex: () => entries,
    loadSchema: (file) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as object,
  });
  return (resource, locator) => validateResource(resource, locator, registry);
}
