// The user's own JSON Schemas (`mumbaiMesh.schemas`: "group/version/Kind" → file), for kinds
// Mumbai Mesh does not ship. Read from the workspace as plain JSON — never executed — and
// validated like the built-in schemas. Relative paths resolve against the workspace folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateResource } from './core/analyzeFile';
import { createSchemaRegistry, validateResource, type SchemaIndexEntry, type SchemaRegistry } from './core/schema/index';
import type { Settings } from './core/settings';

export function userSchemaRegistry(mapping: Readonly<Record<string, string>>, baseDir: string | undefined, log: (m: string) => void): SchemaRegistry | undefined {
  const entries: SchemaIndexEntry[] = [];
  for (const [key, file] of Object.entries(mapping)) {
    const slash = key.lastIndexOf('/');
    entries.push({ apiVersion: key.slice(0, slash), kind: key.slice(slash + 1), file, served: true, storage: true });
  }
  if (entries.length === 0) return undefined;
  return createSchemaRegistry({
    loadIndex: () => entries,
    loadSchema: (file) => {
      const full = path.isAbsolute(file) || !baseDir ? file : path.join(baseDir, file);
      try {
        return JSON.parse(fs.readFileSync(full, 'utf8')) as object;
      } catch (error) {
        log(`mumbaiMesh.schemas: cannot read ${full} (${String(error)}); that kind is not validated.`);
        return {};
      }
    },
  });
}

/**
 * The user's schemas of the settings last seen, rebuilt only when `mumbaiMesh.schemas` changes.
 * They come first: a kind they map is validated by them, any other by the built-in schemas.
 */
export class UserSchemas {
  private key = '{}';
  private registry: SchemaRegistry | undefined;

  constructor(private readonly baseDir: () => string | undefined, private readonly log: (m: string) => void) {}

  use(settings: Settings): void {
    const key = JSON.stringify(settings.schemas);
    if (key === this.key) return;
    this.registry = userSchemaRegistry(settings.schemas, this.baseDir(), this.log);
    this.key = key;
  }

  validateWith(builtIn: ValidateResource): ValidateResource {
    return (resource, locator) => {
      const own = this.registry;
      return own?.entry(resource.apiVersion, resource.kind) ? validateResource(resource, locator, own) : builtIn(resource, locator);
    };
  }
}
