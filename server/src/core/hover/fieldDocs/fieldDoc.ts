// The shape of our own field documentation. Every text here is written by us from how the
// meshes behave; none is copied from upstream CRD descriptions (a unit test compares them).
// Keys are `Kind:dotted.path`, `[]` for list items and `*` for any key of a map, e.g.
// `VirtualService:spec.http[].retries.attempts`; `Kind:` alone describes the kind itself.

export interface FieldDoc {
  /** What the field does, one to three sentences. */
  readonly text: string;
  /** What happens when the field is unset, when the schema states no default. */
  readonly default?: string;
  /** The value's type, for kinds whose schema we do not bundle. */
  readonly type?: string;
  /** Allowed values, for kinds whose schema we do not bundle. */
  readonly values?: readonly string[];
}

/** A plain string is a FieldDoc with only `text`. */
export type FieldDocEntry = string | FieldDoc;

export interface FieldDocTable {
  /** Shown in counts and test failures. */
  readonly name: string;
  /** The API groups whose kinds the keys describe ('' = core group); '*' = any group. */
  readonly groups: readonly string[];
  readonly docs: Readonly<Record<string, FieldDocEntry>>;
  /**
   * Paths that share another path's docs: [from, to] replaces the prefix `from` of a key
   * with `to` (at a segment boundary), e.g. a subset's trafficPolicy reads the top one's.
   * `from` may start with `*:` to apply to every kind.
   */
  readonly aliases?: readonly (readonly [string, string])[];
}

export function asFieldDoc(entry: FieldDocEntry): FieldDoc {
  return typeof entry === 'string' ? { text: entry } : entry;
}
