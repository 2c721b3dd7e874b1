// Where the cursor is, structurally: which object's key or which value it is typing. A
// half-typed line is rarely valid YAML, so the partial word under the cursor is replaced by
// a marker (`marker:` where a key goes, `marker` where a value goes), the document is parsed
// with the `yaml` package, and the marker's path is read off the tree. The parser then
// decides what the indentation means, block or flow, exactly as it will for the real text.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { JsonPath } from '../parse/locator';
import { splitDocuments } from '../parse/splitDocuments';
import { layoutOf, type Layout } from './documentLayout';

const MARKER = 'mmCompletionCursor0';

export interface CursorContext {
  /** Where the marker landed: as a key of the object at `path`, or as the value at `path`. */
  readonly position: 'key' | 'value';
  readonly path: JsonPath;
  /** How the line reads before the word: a key is being typed there, or a value after `key:`. */
  readonly typed: 'key' | 'value';
  /** The marker is the only key of a list item (`- |`): the item may be a plain value. */
  readonly loneItemKey: boolean;
  readonly flow: boolean;
  /** File offsets of the text a completion replaces (the partial word, quotes included). */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** What is typed from replaceStart to the cursor. */
  readonly partial: string;
  /** Inserted before any completion text (a space after a bare `:` or `-`). */
  readonly insertPrefix: string;
  /** Column at which a key typed here starts. */
  readonly column: number;
  /** The word under the cursor is already followed by `:` (an existing key being edited). */
  readonly keyHasColon: boolean;
  /** The other keys of the object (position `key`). */
  readonly presentKeys: readonly string[];
  /** The whole document's plain value with the marker in place of the word. */
  readonly root: unknown;
  readonly layout: Layout;
  /** The document (chunk) the cursor is in. */
  readonly chunkOffset: number;
  readonly chunkText: string;
  /** Offset of the cursor's line start and the cursor, in the file. */
  readonly lineStart: number;
  readonly cursor: number;
}

export { MARKER as COMPLETION_MARKER };

const WORD_CHAR = /[^\s:#,[\]{}"']/;
const KEYISH = /^ *(?:- +)*$/;
const DASH_ONLY = /^ *(?:- +)*-$/;
const KEY_PART = String.raw`(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{}[\],-][^#]*?|-[^\s#][^#]*?)`;
const VALUEISH = new RegExp(String.raw`^ *(?:- +)*${KEY_PART} *: +$`);
const COLON_END = new RegExp(String.raw`^ *(?:- +)*${KEY_PART} *:$`);

/** The open flow collections (`{` / `[`) at `end`, innermost last; quotes and comments skipped. */
function flowStack(text: string, end: number): string[] {
  const stack: string[] = [];
  let i = 0;
  while (i < end) {
    const ch = text[i];
    const prev = i === 0 ? '\n' : text[i - 1];
    if (ch === '#' && /\s/.test(prev)) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 || nl >= end ? end : nl;
      continue;
    }
    if ((ch === '"' || ch === "'") && /[\s[{,:]/.test(prev)) {
      let j = i + 1;
      while (j < end) {
        if (ch === '"' && text[j] === '\\') j += 2;
        else if (text[j] === ch) {
          if (ch === "'" && text[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      continue;
    }
    if (ch === '{' || ch === '[') stack.push(ch);
    else if ((ch === '}' || ch === ']') && stack.length) stack.pop();
    i++;
  }
  return stack;
}

interface Found {
  readonly position: 'key' | 'value';
  readonly path: JsonPath;
  readonly loneItemKey: boolean;
  readonly presentKeys: readonly string[];
}

function findMarker(node: Node | null | undefined, path: JsonPath, inItem: boolean): Found | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key;
      if (isScalar(key) && key.value === MARKER) {
        const presentKeys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k && k !== MARKER);
        return { position: 'key', path, loneItemKey: inItem && node.items.length === 1, presentKeys };
      }
    }
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const found = findMarker(pair.value as Node | null, [...path, key], false);
      if (found) return found;
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const found = findMarker(node.items[i] as Node | null, [...path, i], true);
      if (found) return found;
    }
    return undefined;
  }
  if (isScalar(node) && node.value === MARKER) return { position: 'value', path, loneItemKey: false, presentKeys: [] };
  return undefined;
}

function plainValue(doc: ReturnType<typeof parseDocument>): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
}

/** The context at `offset` in `text`, or undefined where nothing can be completed (comments, `---`, mid-scalar). */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const cursor = Math.max(0, Math.min(offset, text.length));
  const chunks = splitDocuments(text);
  let chunk = chunks[0];
  for (const c of chunks) if (c.offset <= cursor) chunk = c;
  const t = chunk.text;
  const c = cursor - chunk.offset;
  const lineStart = t.lastIndexOf('\n', c - 1) + 1;
  const lineEndRaw = t.indexOf('\n', c);
  const lineEnd = lineEndRaw === -1 ? t.length : lineEndRaw;
  const before = t.slice(lineStart, c);
  if (/^(---|\.\.\.)(\s|$)/.test(before) || /^\s*%/.test(before)) return undefined;
  if (/(^|\s)#/.test(before.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""'))) return undefined;

  let wordStart = c;
  while (wordStart > lineStart && WORD_CHAR.test(t[wordStart - 1])) wordStart--;
  let wordEnd = c;
  while (wordEnd < lineEnd && WORD_CHAR.test(t[wordEnd])) wordEnd++;
  let prefixText = t.slice(lineStart, wordStart);
  let insertPrefix = '';
  if (DASH_ONLY.test(before)) {
    // `-|`: a list item is starting; the word class would take the dash for the word
    wordStart = c;
    wordEnd = c;
    prefixText = before;
    insertPrefix = ' ';
  }

  const stack = flowStack(t, wordStart);
  const flow = stack.length > 0;
  let typed: 'key' | 'value';
  let replaceStart = wordStart;
  let replaceEnd = wordEnd;
  if (flow) {
    let p = wordStart - 1;
    while (p >= 0 && /\s/.test(t[p])) p--;
    const prev = p >= 0 ? t[p] : '';
    if (stack[stack.length - 1] === '{' && (prev === '{' || prev === ',')) typed = 'key';
    else if (prev === ':' || prev === '[' || prev === ',') typed = 'value';
    else return undefined;
  } else if (insertPrefix || KEYISH.test(prefixText)) {
    typed = 'key';
  } else if (VALUEISH.test(prefixText)) {
    typed = 'value';
  } else if (COLON_END.test(prefixText) && wordStart === wordEnd) {
    typed = 'value';
    insertPrefix = ' ';
  } else if (/["']$/.test(prefixText) && VALUEISH.test(prefixText.slice(0, -1))) {
    typed = 'value';
    replaceStart = wordStart - 1;
    if (t[wordEnd] === prefixText[prefixText.length - 1]) replaceEnd = wordEnd + 1;
  } else {
    return undefined;
  }

  const afterWord = t.slice(replaceEnd, lineEnd);
  const keyHasColon = typed === 'key' && /^\s*:(\s|$)/.test(afterWord);
  const variants: string[] = [];
  if (typed === 'key' && !flow) {
    variants.push(keyHasColon ? MARKER : `${MARKER}:`);
    if (!keyHasColon) variants.push(MARKER);
  } else {
    variants.push(MARKER);
  }

  let best: { found: Found; doc: ReturnType<typeof parseDocument> } | undefined;
  for (const variant of variants) {
    const patched = t.slice(0, replaceStart) + insertPrefix + variant + t.slice(replaceEnd);
    const doc = parseDocument(patched, { version: '1.1', uniqueKeys: false, prettyErrors: false });
    const found = findMarker(doc.contents as Node | null, [], false);
    if (!found) continue;
    if (doc.errors.length === 0) {
      best = { found, doc };
      break;
    }
    best ??= { found, doc };
  }
  if (!best) return undefined;

  return {
    ...best.found,
    typed,
    flow,
    replaceStart: chunk.offset + replaceStart,
    replaceEnd: chunk.offset + replaceEnd,
    partial: t.slice(replaceStart, c),
    insertPrefix,
    column: replaceStart - lineStart + insertPrefix.length,
    keyHasColon,
    root: plainValue(best.doc),
    layout: layoutOf(t),
    chunkOffset: chunk.offset,
    chunkText: t,
    lineStart: chunk.offset + lineStart,
    cursor,
  };
}
