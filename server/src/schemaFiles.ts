// Reads the JSON Schemas shipped in schemas/ (beside dist/) for the schema validator:
// the index once, each schema file when its kind is first validated. The only file-system
// access of the validator; the core receives plain functions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateResource } from './core/analyzeFile';
import { createSchemaRegistry, validateResource, type SchemaIndexEntry, type SchemaRegistry } from './core/schema/index';

export function schemasFolder(): string {
  // dist/server.js and dist/cli.js both sit one folder below the package root
  return path.join(__dirname, '..', 'schemas');
}

/**
 * The schema registry over schemas/: the index is read now, each schema when its kind is
 * first used. Without schemas it is empty (every kind unknown), so schema checks are off and
 * hovers fall back to our own docs. The server makes one and shares it (validation, hover).
 */
export function loadSchemaRegistry(log: (m: string) => void, folder = schemasFolder()): SchemaRegistry {
  let entries: readonly SchemaIndexEntry[];
  try {
    entries = JSON.parse(fs.readFileSync(path.join(folder, 'index.json'), 'utf8')) as SchemaIndexEntry[];
  } catch (error) {
    log(`Mumbai Mesh: no schemas found in ${folder} (${String(error)}); schema checks are off.`);
    entries = [];
  }
  return createSchemaRegistry({
    loadIndex: () => entries,
    loadSchema: (file) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as object,
  });
}

export function loadValidateResource(log: (m: string) => void, folder = schemasFolder(), registry = loadSchemaRegistry(log, folder)): ValidateResource {
  return (resource, locator) => validateResource(resource, locator, registry);
}
