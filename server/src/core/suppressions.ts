// The two disable comments from CONTRACTS.md:
//   # mumbai-mesh-disable-next-line CODE[,CODE]   silences those codes on the next line
//   # mumbai-mesh-disable CODE[,CODE]             silences them for the rest of the YAML document
// Without codes, a comment silences every code. Matched by code, never by message text.
import type { LineIndex } from './parse/lineIndex';

interface Rule {
  readonly codes: ReadonlySet<string> | 'all';
  readonly fromOffset: number;
  readonly toOffset: number;
}

const COMMENT = /#\s*mumbai-mesh-disable(-next-line)?(?![\w-])([^\n]*)/g;

function parseCodes(rest: string): ReadonlySet<string> | 'all' {
  const codes = rest.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]+\d+$/.test(c));
  return codes.length ? new Set(codes) : 'all';
}

export type IsSuppressed = (code: string, offset: number) => boolean;

const DISABLE = 'mumbai-mesh-disable';

/** A cheap test before the search: can `text` hold a disable comment at all? */
export function mentionsDisableComment(text: string): boolean {
  return text.includes(DISABLE);
}

/** `documentStarts`: the offset where each YAML document begins, ascending. */
export function findSuppressions(text: string, lineIndex: LineIndex, documentStarts: readonly number[]): IsSuppressed {
  if (!mentionsDisableComment(text)) return () => false;
  const rules: Rule[] = [];
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    const codes = parseCodes(m[2]);
    const line = lineIndex.positionAt(m.index).line;
    if (m[1]) {
      rules.push({ codes, fromOffset: lineIndex.offsetAt({ line: line + 1, character: 0 }), toOffset: lineIndex.offsetAt({ line: line + 2, character: 0 }) - 1 });
    } else {
      const next = documentStarts.find((s) => s > m!.index);
      rules.push({ codes, fromOffset: m.index, toOffset: next === undefined ? text.length : next - 1 });
    }
  }
  COMMENT.lastIndex = 0;
  return (code, offset) =>
    rules.some((r) => offset >= r.fromOffset && offset <= r.toOffset && (r.codes === 'all' || r.codes.has(code)));
}
