// The comments of a YAML text, from the parser's concrete syntax tree (so a `#` inside a
// block scalar or a quoted string is not taken for one), with their offsets.
import { Parser } from 'yaml';

export interface CommentToken {
  readonly offset: number;
  readonly source: string;
  /** Nothing but indentation before it on its line. */
  readonly wholeLine: boolean;
}

function collect(node: unknown, out: { offset: number; source: string }[], depth: number): void {
  if (depth > 512 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) collect(child, out, depth + 1);
    return;
  }
  const token = node as { type?: unknown; offset?: unknown; source?: unknown };
  if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
    out.push({ offset: token.offset, source: token.source });
    return;
  }
  for (const value of Object.values(node)) collect(value, out, depth + 1);
}

export function yamlComments(text: string): CommentToken[] {
  const found: { offset: number; source: string }[] = [];
  for (const token of new Parser().parse(text)) collect(token, found, 0);
  const seen = new Set<number>();
  return found
    .filter((c) => !seen.has(c.offset) && (seen.add(c.offset), true))
    .sort((a, b) => a.offset - b.offset)
    .map((c) => ({ ...c, wholeLine: /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', c.offset - 1) + 1, c.offset)) }));
}
