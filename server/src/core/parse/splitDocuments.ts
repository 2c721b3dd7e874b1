// Splits a multi-document file at its `---` markers so each document can be parsed, cached
// and re-validated on its own: a one-line edit then re-parses one document, not the file.
// In YAML 1.2 a `---` at the start of a line always starts a document (it cannot be the
// content of a scalar), so this split agrees with the parser. Files with directives (`%`)
// are not split, because a directive belongs to the document after it.
export interface DocumentChunk {
  /** The document's text, including its leading `---` line. */
  readonly text: string;
  /** Offset of `text` in the file. */
  readonly offset: number;
}

const MARKER = /^---(?=[ \t\r\n]|$)/gm;

/** Does a line start with `%` (a directive, or text a directive check must see whole)? */
export function hasDirectives(text: string): boolean {
  // `%` is rare in manifests, so finding it first is faster than finding every line start
  for (let i = text.indexOf('%'); i !== -1; i = text.indexOf('%', i + 1)) {
    const before = i === 0 ? 10 : text.charCodeAt(i - 1);
    if (before === 10 || before === 13) return true;
  }
  return false;
}

export function splitDocuments(text: string): DocumentChunk[] {
  if (hasDirectives(text)) return [{ text, offset: 0 }];
  const chunks: DocumentChunk[] = [];
  let start = 0;
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(text); match; match = MARKER.exec(text)) {
    if (match.index > start) chunks.push({ text: text.slice(start, match.index), offset: start });
    start = match.index;
  }
  chunks.push({ text: text.slice(start), offset: start });
  return chunks;
}
