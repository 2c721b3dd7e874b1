// What the analysis reads of a file's text. A plain string is one; so is a PieceText (an
// editor's document kept in pieces), which the analysis reads span by span after an edit
// instead of as one whole string.
export interface SourceText {
  readonly length: number;
  charCodeAt(offset: number): number;
  slice(start: number, end?: number): string;
  /** The whole text as one string. */
  toString(): string;
}
