// Offsets → LSP positions. JavaScript strings are UTF-16, so an offset difference on one
// line is already the UTF-16 column LSP wants. Built once per file text.
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface LineIndex {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  readonly lineCount: number;
}

export function createLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineEnd = (line: number): number => {
    if (line + 1 >= starts.length) return text.length;
    let end = starts[line + 1] - 1; // the '\n'
    if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--; // '\r\n'
    return end;
  };
  return {
    lineCount: starts.length,
    positionAt(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= clamped) low = mid;
        else high = mid - 1;
      }
      return { line: low, character: Math.min(clamped, lineEnd(low)) - starts[low] };
    },
    offsetAt(position) {
      if (position.line >= starts.length) return text.length;
      if (position.line < 0) return 0;
      return Math.min(starts[position.line] + Math.max(0, position.character), lineEnd(position.line));
    },
  };
}
