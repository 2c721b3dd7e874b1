// The `yaml` package keeps every comment but not always where it stood: a comment line after
// the last item of a block is kept as that block's trailing comment, so
//
//   ports:                        ports:
//   - port: 80                    - port: 80
//                          →        # the selector
//   # the selector                selector:
//   selector:
//
// loses its blank line and takes the list's indentation. Here each whole-line comment that in
// the source was aligned with the line after it is aligned with that line again, and gets
// back the blank line it had before it. Only comment lines and blank lines change.
import { createLineIndex } from '../parse/lineIndex';
import { yamlComments } from './yamlComments';

interface LineFacts {
  readonly line: number;
  readonly column: number;
  readonly alignedWithNext: boolean;
  /** Only blank lines and comments follow it in the document. */
  readonly last: boolean;
  readonly blankBefore: boolean;
}

const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;

function facts(text: string): LineFacts[] {
  const lines = text.split('\n');
  const index = createLineIndex(text);
  const lineOf = (offset: number) => index.positionAt(offset).line;
  const comments = yamlComments(text).filter((c) => c.wholeLine);
  const commentLines = new Set(comments.map((c) => lineOf(c.offset)));
  return comments.map((c) => {
    const line = lineOf(c.offset);
    let next = line + 1;
    while (next < lines.length && (lines[next].trim() === '' || commentLines.has(next))) next++;
    const column = indentOf(lines[line]);
    return {
      line,
      column,
      alignedWithNext: next < lines.length && indentOf(lines[next]) === column,
      last: next >= lines.length,
      blankBefore: line > 0 && lines[line - 1].trim() === '' && !commentLines.has(line - 1),
    };
  });
}

/** `formatted` with its whole-line comments placed as `source` had them (see above). */
export function restoreCommentLayout(source: string, formatted: string): string {
  const before = facts(source.replace(/\s+$/, '\n'));
  const after = facts(formatted);
  if (before.length !== after.length || before.length === 0) return formatted;
  const lines = formatted.split('\n');
  const commentLines = new Set(after.map((f) => f.line));
  // bottom-up, so inserting a blank line does not move the lines still to do
  for (let k = after.length - 1; k >= 0; k--) {
    const want = before[k];
    const have = after[k];
    if (want.alignedWithNext) {
      let next = have.line + 1;
      while (next < lines.length && (lines[next].trim() === '' || commentLines.has(next))) next++;
      if (next < lines.length) lines[have.line] = ' '.repeat(indentOf(lines[next])) + lines[have.line].trimStart();
    } else if (want.last && want.column === 0) {
      // a closing comment written at the margin stays there
      lines[have.line] = lines[have.line].trimStart();
    }
    const previousBlank = have.line > 0 && lines[have.line - 1].trim() === '';
    if (want.blankBefore && !previousBlank && have.line > 0 && !commentLines.has(have.line - 1)) lines.splice(have.line, 0, '');
  }
  return lines.join('\n');
}
