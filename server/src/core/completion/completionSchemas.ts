// The schema facts completion needs: every kind the schema index knows (with the apiVersion
// to suggest for it) and the raw JSON Schema of an apiVersion + kind. Built over the registry
// (whose `compiled()` also compiles ajv) or, cheaper, over the same SchemaSource the registry
// reads, so a completion never waits for an ajv compile.
import { groupOf, type SchemaRegistry } from '../schema/registry';
import type { SchemaIndexEntry, SchemaSource } from '../schema/types';

export interface KnownKind {
  readonly group: string;
  readonly kind: string;
  /** The apiVersion to write for it: the first served one in index order (most stable first). */
  readonly apiVersion: string;
  /** Every served apiVersion of the kind, preferred first. */
  readonly versions: readonly string[];
}

export interface CompletionSchemas {
  kinds(): readonly KnownKind[];
  /** The schema for exactly this apiVersion and kind, else for the kind's preferred version. */
  schemaFor(apiVersion: string | undefined, kind: string | undefined): object | undefined;
}

function knownKinds(entries: readonly SchemaIndexEntry[]): KnownKind[] {
  const byKey = new Map<string, { group: string; kind: string; versions: string[] }>();
  for (const e of entries) {
    if (!e.served) continue;
    const group = groupOf(e.apiVersion);
    const key = `${group}\n${e.kind}`;
    const found = byKey.get(key) ?? { group, kind: e.kind, versions: [] };
    if (!found.versions.includes(e.apiVersion)) found.versions.push(e.apiVersion);
    byKey.set(key, found);
  }
  return [...byKey.values()]
    .map((k) => ({ ...k, apiVersion: k.versions[0] }))
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

function create(entries: () => readonly SchemaIndexEntry[], load: (entry: SchemaIndexEntry) => object | undefined): CompletionSchemas {
  let kinds: KnownKind[] | undefined;
  const list = () => (kinds ??= knownKinds(entries()));
  const find = (apiVersion: string, kind: string) => entries().find((e) => e.apiVersion === apiVersion && e.kind === kind);
  return {
    kinds: list,
    schemaFor(apiVersion, kind) {
      if (!kind) return undefined;
      const exact = apiVersion ? find(apiVersion, kind) : undefined;
      if (exact) return load(exact);
      // no or unknown apiVersion: the kind's preferred version in the same group, else in any group
      const group = apiVersion ? groupOf(apiVersion) : undefined;
      const known = list().find((k) => k.kind === kind && k.group === group) ?? list().find((k) => k.kind === kind);
      const entry = known && find(known.apiVersion, kind);
      return entry ? load(entry) : undefined;
    },
  };
}

/** Over the registry the validator uses; `entries` is the schema index it was made from. */
export function completionSchemasFromRegistry(registry: SchemaRegistry, entries: readonly SchemaIndexEntry[]): CompletionSchemas {
  return create(() => entries, (e) => registry.compiled(e.apiVersion, e.kind)?.schema);
}

/** Over the schema files themselves: each schema is read once, never compiled. */
export function completionSchemasFromSource(source: SchemaSource): CompletionSchemas {
  let entries: readonly SchemaIndexEntry[] | undefined;
  const cache = new Map<string, object | undefined>();
  return create(
    () => (entries ??= source.loadIndex()),
    (e) => {
      if (!cache.has(e.file)) {
        let schema: object | undefined;
        try {
          schema = source.loadSchema(e.file);
        } catch {
          schema = undefined;
        }
        cache.set(e.file, schema);
      }
      return cache.get(e.file);
    },
  );
}
