// The shapes the schema layer shares with its callers (server, CLI, tests).
import type { ErrorObject } from 'ajv';

/** One line of schemas/index.json. */
export interface SchemaIndexEntry {
  readonly apiVersion: string;
  readonly kind: string;
  /** Path of the schema file, relative to schemas/. */
  readonly file: string;
  readonly served: boolean;
  readonly storage: boolean;
  /** Upstream marks this version deprecated (CRD `deprecated: true`); absent otherwise. */
  readonly deprecated?: boolean;
}

/** I/O handed in by the caller: the server and CLI read schemas/ from disk, tests hand in tiny ones. */
export interface SchemaSource {
  loadIndex(): readonly SchemaIndexEntry[];
  loadSchema(file: string): object;
  /**
   * The validator precompiled at build time for that schema file (dist/validators), if there
   * is one that matches the file; otherwise the registry compiles the schema itself.
   */
  loadValidator?(file: string): Validator | undefined;
}

/** A validator of one schema, runtime-compiled by ajv or precompiled (ajv standalone code). */
export interface Validator {
  (data: unknown): boolean;
  /** The errors of the last call, null when it passed. */
  errors?: ErrorObject[] | null;
}

/** A resource document: its apiVersion and kind, and the plain JS value of the whole document. */
export interface ResourceInput {
  readonly apiVersion: string;
  readonly kind: string;
  readonly value: unknown;
}
