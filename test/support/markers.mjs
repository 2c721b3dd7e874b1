// Positions in test input are written into the text itself: each `|` marks a position, and
// consecutive pairs of marks make ranges. `marked('a: 1\n|a|: 2\n')` gives the text without
// the marks and the range of the second `a`, as LSP positions (0-based line, UTF-16 column).
// YAML uses `|` for block scalars, so another marker can be passed (e.g. '⟨' or '^').

/** @returns {{ line: number, character: number }} */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/**
 * @param {string} source text with markers
 * @param {string} marker
 * @returns {{ text: string, offsets: number[], positions: {line:number,character:number}[], ranges: {start:{line:number,character:number},end:{line:number,character:number}}[] }}
 */
export function marked(source, marker = '|') {
  const offsets = [];
  let text = '';
  let from = 0;
  for (let i = source.indexOf(marker); i !== -1; i = source.indexOf(marker, from)) {
    text += source.slice(from, i);
    offsets.push(text.length);
    from = i + marker.length;
  }
  text += source.slice(from);
  const positions = offsets.map((o) => positionAt(text, o));
  const ranges = [];
  for (let i = 0; i + 1 < positions.length; i += 2) ranges.push({ start: positions[i], end: positions[i + 1] });
  return { text, offsets, positions, ranges };
}

/** A range from line/character numbers: range(2, 0, 2, 4). */
export function range(startLine, startCharacter, endLine, endCharacter) {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** The parts of a diagnostic the tests compare exactly. */
export function brief(diagnostic) {
  return { code: diagnostic.code, severity: diagnostic.severity, range: diagnostic.range };
}

/** The inverse of positionAt, clamped to the line as LSP asks. */
export function offsetAt(text, position) {
  let lineStart = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', lineStart);
    if (next === -1) return text.length;
    lineStart = next + 1;
  }
  const lineEnd = text.indexOf('\n', lineStart);
  return Math.min(lineStart + position.character, lineEnd === -1 ? text.length : lineEnd);
}

/** Applies LSP content changes (`{ range, text }` or `{ text }`) in order, as a client would. */
export function applyChanges(text, changes) {
  for (const change of changes) {
    if (!change.range) {
      text = change.text;
      continue;
    }
    const start = offsetAt(text, change.range.start);
    const end = offsetAt(text, change.range.end);
    text = text.slice(0, start) + change.text + text.slice(end);
  }
  return text;
}
