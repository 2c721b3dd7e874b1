// Schemas by apiVersion + kind, loaded on first use and kept. The index is read once;
// a kind is "known" per API group (Istio's and Gateway API's `Gateway` are different kinds).
// A schema's validator is the one precompiled at build time when the source has it (no ajv
// compile on a first validation), else compiled here by ajv (tests' tiny schemas, users' own).
import type Ajv from 'ajv';
import { createAjv } from './createAjv';
import { createFieldHomes, type FieldHomes } from './fieldHomes';
import type { SchemaIndexEntry, SchemaSource, Validator } from './types';
import { validatedShape } from './validatedShape';

export interface CompiledSchema {
  readonly entry: SchemaIndexEntry;
  readonly schema: object;
  readonly validate: Validator;
  /** Where each field name is allowed in this kind; built on first use (for misplacement hints). */
  fieldHomes(): FieldHomes;
}

export interface SchemaRegistry {
  /** Is `kind` known in the API group of `apiVersion`, in any version, served or not? */
  isKnownKind(apiVersion: string, kind: string): boolean;
  /**
   * The apiVersions that serve the kind of that group, in index order: the generator writes
   * the most stable first (GA, beta, alpha), which is also what we suggest. Not the storage
   * version: Istio stores Telemetry as v1alpha1 although v1 is served.
   */
  servedVersions(apiVersion: string, kind: string): string[];
  /** The index entry for exactly this apiVersion and kind. */
  entry(apiVersion: string, kind: string): SchemaIndexEntry | undefined;
  /** The schema and its validator (loaded or compiled once, on first call); undefined when there is no entry. */
  compiled(apiVersion: string, kind: string): CompiledSchema | undefined;
  /** Every index entry, in index order (completion lists the known kinds from it). */
  entries(): readonly SchemaIndexEntry[];
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function createSchemaRegistry(source: SchemaSource): SchemaRegistry {
  let indexEntries: readonly SchemaIndexEntry[] | undefined;
  let byGroupKind: Map<string, SchemaIndexEntry[]> | undefined;
  const cache = new Map<SchemaIndexEntry, CompiledSchema>();
  const byShape = new Map<string, Validator>();
  let ajv: Ajv | undefined;

  const entries = () => (indexEntries ??= source.loadIndex());

  function groups(): Map<string, SchemaIndexEntry[]> {
    if (!byGroupKind) {
      byGroupKind = new Map();
      for (const e of entries()) {
        const key = `${groupOf(e.apiVersion)}\n${e.kind}`;
        const list = byGroupKind.get(key) ?? [];
        list.push(e);
        byGroupKind.set(key, list);
      }
    }
    return byGroupKind;
  }

  const versionsOf = (apiVersion: string, kind: string) => groups().get(`${groupOf(apiVersion)}\n${kind}`);
  const entry = (apiVersion: string, kind: string) => versionsOf(apiVersion, kind)?.find((e) => e.apiVersion === apiVersion);

  return {
    isKnownKind: (apiVersion, kind) => versionsOf(apiVersion, kind) !== undefined,
    servedVersions: (apiVersion, kind) => (versionsOf(apiVersion, kind) ?? []).filter((e) => e.served).map((e) => e.apiVersion),
    entry,
    entries,
    compiled(apiVersion, kind) {
      const found = entry(apiVersion, kind);
      if (!found) return undefined;
      let compiled = cache.get(found);
      if (!compiled) {
        const schema = validatedShape(source.loadSchema(found.file));
        const shape = JSON.stringify(schema);
        let validate = byShape.get(shape);
        if (!validate) {
          validate = source.loadValidator?.(found.file) ?? (ajv ??= createAjv()).compile(schema);
          byShape.set(shape, validate);
        }
        let homes: FieldHomes | undefined;
        compiled = { entry: found, schema, validate, fieldHomes: () => (homes ??= createFieldHomes(schema)) };
        cache.set(found, compiled);
      }
      return compiled;
    },
  };
}
