// Line arithmetic on a file's text for edits that move or add whole lines.
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The start of the line after the one holding `offset - 1` (the text's end when there is none). */
export function nextLineStart(text: string, end: number): number {
  const nl = text.indexOf('\n', Math.max(0, end - 1));
  return nl === -1 ? text.length : nl + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** `lines` (with their common indentation `from` removed) indented to `to` columns. */
export function reindent(block: string, from: number, to: number): string {
  return block
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line.trim();
      const spaces = /^ */.exec(line)?.[0].length ?? 0;
      return ' '.repeat(to) + line.slice(Math.min(spaces, from));
    })
    .join('\n');
}
