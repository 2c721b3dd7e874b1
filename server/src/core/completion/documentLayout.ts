// How a document is laid out, so inserted blocks look like the rest of it: the indentation
// step, and whether block lists are indented under their key (`key:\n  - a`, as Istio's docs
// write them) or not (`key:\n- a`, as `kubectl get -o yaml` prints them).
export interface Layout {
  readonly indent: number;
  readonly indentSequences: boolean;
}

export function layoutOf(text: string): Layout {
  const lines = text.split('\n');
  let indent: number | undefined;
  let indentSequences: boolean | undefined;
  for (let i = 0; i + 1 < lines.length && (indent === undefined || indentSequences === undefined); i++) {
    const key = /^( *)(?:- +)?[^\s#-][^#]*:\s*$/.exec(lines[i]);
    if (!key) continue;
    let j = i + 1;
    while (j < lines.length && /^\s*(#.*)?$/.test(lines[j])) j++;
    if (j >= lines.length) break;
    const keyColumn = key[0].length - key[0].trimStart().replace(/^- +/, '').length;
    const next = /^( *)(- )?/.exec(lines[j]);
    const column = next?.[1].length ?? 0;
    if (next?.[2]) {
      if (column >= keyColumn) indentSequences ??= column > keyColumn;
    } else if (column > keyColumn) {
      indent ??= column - keyColumn;
    }
  }
  return { indent: indent !== undefined && indent > 0 && indent <= 8 ? indent : 2, indentSequences: indentSequences ?? true };
}
