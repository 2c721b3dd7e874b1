// What every check returns: a code, a message in our own words, and the offending text
// as absolute UTF-16 offsets into the file. Severity, ranges and links are added in one
// place (diagnostics.ts); rules never build LSP objects.
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Finding extends Span {
  readonly code: string;
  readonly message: string;
  /** Only for checks whose severity depends on the case; else the code's default applies. */
  readonly severity?: Severity;
  /** Machine-readable detail for quick fixes (e.g. the replacement text). */
  readonly data?: unknown;
}
