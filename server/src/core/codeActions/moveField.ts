// "Move `field` under `spec.trafficPolicy.outlierDetection`": for an unknown field that the
// schema places elsewhere in the same kind (data.moveTo), cut its lines (key, value and
// nested block) and paste them, re-indented, at the end of the block it belongs to, creating
// the missing part of that path. A block left empty by the cut goes too, unless the target
// is inside it. Block style only; a field in a flow collection is left to the user.
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../analyzeFile';
import type { JsonPath } from '../parse/locator';
import type { FixData } from './fixData';
import { columnOf, lineStartOf, nextLineStart, reindent } from './lineText';
import { contentEnd, pairAtPath, pairWithKeyAt, resourceAt } from './yamlNodes';

const isPrefix = (prefix: JsonPath, path: JsonPath) => prefix.length <= path.length && prefix.every((p, i) => p === path[i]);

function displayPath(path: JsonPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || 'the top level';
}

/** Is the text between the line start and `offset` only spaces? */
function startsLine(text: string, offset: number): boolean {
  return /^ *$/.test(text.slice(lineStartOf(text, offset), offset));
}

export function moveFieldFix(uri: string, file: AnalyzedFile, diagnostic: Diagnostic, data: FixData): CodeAction | undefined {
  const moveTo = data.moveTo;
  if (!moveTo) return undefined;
  const text = file.text;
  const keyStart = file.lineIndex.offsetAt(diagnostic.range.start);
  const placed = resourceAt(file, keyStart);
  if (!placed) return undefined;
  const { base } = placed;
  // the resource's node is its document root or a `kind: List` item; paths are relative to it
  const found = pairWithKeyAt(placed.resource.node, keyStart - base);
  if (!found || found.map.flow || !startsLine(text, keyStart)) return undefined;
  const abs = (n: number | undefined) => (n === undefined ? undefined : base + n);

  // what to cut: the pair's lines, or a block the cut would leave empty (not one the target is in)
  const fieldEnd = abs(contentEnd(found.pair.value ?? found.pair.key));
  if (fieldEnd === undefined) return undefined;
  const moved = text.slice(lineStartOf(text, keyStart), nextLineStart(text, fieldEnd));
  const keyColumn = columnOf(text, keyStart);
  let cutStart = lineStartOf(text, keyStart);
  let cutEnd = nextLineStart(text, fieldEnd);
  let emptied: { map: Node; path: JsonPath } = { map: found.map, path: found.mapPath };
  for (let i = found.ancestors.length - 2; i >= 0; i--) {
    const holder = found.ancestors[i];
    const child = emptied.map as { items?: unknown[] };
    if ((child.items?.length ?? 0) !== 1 || isPrefix(emptied.path, moveTo) || !isMap(holder.node) || holder.node.flow) break;
    const pair = holder.node.items.find((p) => p.value === emptied.map) as Pair | undefined;
    const key = pair?.key as Node | undefined;
    if (!pair || !key?.range || !startsLine(text, base + key.range[0])) break;
    cutStart = lineStartOf(text, base + key.range[0]);
    cutEnd = Math.max(cutEnd, nextLineStart(text, abs(contentEnd(pair.value ?? pair.key)) ?? cutEnd));
    emptied = { map: holder.node, path: holder.path };
  }

  // where to paste: the deepest part of the target path that exists
  let existing = 0;
  let target: { pair?: Pair; value: unknown } | undefined = { value: placed.resource.node };
  for (let n = moveTo.length; n > 0; n--) {
    const at = pairAtPath(placed.resource.node, moveTo.slice(0, n));
    if (at) {
      existing = n;
      target = at;
      break;
    }
  }
  if (existing === 0) target = { value: placed.resource.node };
  const missing = moveTo.slice(existing);
  if (missing.some((m) => typeof m !== 'string')) return undefined;
  const unit = 2;
  let insertAt: number;
  let column: number;
  const value = target?.value;
  if (isMap(value) && !value.flow && value.items.length > 0) {
    const first = value.items[0].key as Node | undefined;
    const end = abs(contentEnd(value));
    if (!first?.range || end === undefined) return undefined;
    column = columnOf(text, base + first.range[0]);
    insertAt = nextLineStart(text, end);
  } else if ((value === null || value === undefined || (isScalar(value) && (value.value === null || value.value === ''))) && target?.pair) {
    const key = target.pair.key as Node | undefined;
    if (!key?.range) return undefined;
    column = columnOf(text, base + key.range[0]) + unit;
    insertAt = nextLineStart(text, base + key.range[1]);
  } else {
    return undefined; // a flow map, a list or a scalar where the block should be
  }
  if (insertAt > cutStart && insertAt < cutEnd) return undefined;

  let pasted = '';
  missing.forEach((key, i) => {
    pasted += `${' '.repeat(column + i * unit)}${String(key)}:\n`;
  });
  pasted += reindent(moved.endsWith('\n') ? moved : `${moved}\n`, keyColumn, column + missing.length * unit);
  if (insertAt === text.length && !text.endsWith('\n')) pasted = `\n${pasted.replace(/\n$/, '')}`;
  const edits: TextEdit[] = [
    { range: { start: file.lineIndex.positionAt(cutStart), end: file.lineIndex.positionAt(cutEnd) }, newText: '' },
    { range: { start: file.lineIndex.positionAt(insertAt), end: file.lineIndex.positionAt(insertAt) }, newText: pasted },
  ];
  const field = data.field ?? (isScalar(found.pair.key) ? String(found.pair.key.value) : 'the field');
  return {
    title: `Move \`${field}\` under \`${displayPath(moveTo)}\``,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: data.replaceWith === undefined,
    edit: { changes: { [uri]: edits } },
  };
}

