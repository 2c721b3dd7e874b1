// Completion items share one way of replacing the typed word: a TextEdit over the word's
// range, inserted as is (our text carries absolute indentation, so the client must not
// re-indent it; `insertTextMode: asIs`).
import { InsertTextMode, type CompletionItem, type CompletionItemKind, type Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../parse/lineIndex';
import type { CursorContext } from './cursorContext';

export interface ItemContext {
  readonly cursor: CursorContext;
  readonly lines: LineIndex;
}

export function rangeOf(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/** Lower sorts first: a label that starts with the typed word, then one that contains its letters in order. */
function closeness(label: string, partial: string): number {
  const typed = partial.replace(/^["']/, '').toLowerCase();
  if (!typed) return 0;
  const l = label.toLowerCase();
  if (l.startsWith(typed)) return 0;
  let i = 0;
  for (const ch of l) if (ch === typed[i]) i++;
  return i === typed.length ? 1 : 2;
}

export function item(ctx: ItemContext, label: string, kind: CompletionItemKind, newText: string, extra: Partial<CompletionItem> & { rank?: number } = {}): CompletionItem {
  const { rank = 1, ...rest } = extra;
  return {
    label,
    kind,
    sortText: `${closeness(label, ctx.cursor.partial)}${rank}${label}`,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range: rangeOf(ctx.lines, ctx.cursor.replaceStart, ctx.cursor.replaceEnd), newText: ctx.cursor.insertPrefix + newText },
    ...rest,
  };
}
