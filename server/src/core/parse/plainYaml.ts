// A fast parser for the plain subset of YAML that generated and hand-written manifests
// mostly use: block mappings and sequences, single-line plain and quoted scalars, literal
// block scalars (`|`, `|-`), one-line flow collections of scalars, comments after a value,
// and comment lines before the content or indented as the line after them (where they
// change no node's range). In one pass over the text, without the `yaml`
// package's token stream, it builds either the plain JavaScript value alone (what analysis
// needs first) or also the nodes: the same nodes, ranges and resolved values as the `yaml`
// package builds (tested on every document of the corpus and on random edits of them).
//
// Anything outside the subset (anchors, aliases, tags, escapes, folded or kept block
// scalars, multi-line plain or quoted scalars, other comment lines, tabs, CR, BOM, flow
// collections over several lines or nested, keys that are not strings, merge keys, errors
// of any kind) makes it give up: `undefined`, and the caller parses with `yaml`. Comments
// are not attached to nodes; nothing that reads an analysed document uses them.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { fail, keyTags, NL, OUTSIDE, plainJs, resolvePlain, resolvePlainValue, schema, SPACE, startsPlain, valueTags, YAML_OPTIONS } from './plainScalar';
import { PlainText } from './plainText';

export { YAML_OPTIONS } from './plainScalar';

export interface PlainParse {
  readonly doc: Document.Parsed;
  /** `doc.toJS()` of the document. */
  readonly value: unknown;
}

export interface PlainValue {
  /** `doc.toJS()` of the document. */
  readonly value: unknown;
  /** Where the content starts (`doc.contents.range[0]`). */
  readonly contentStart: number;
}

interface Built {
  /** Only when the parser builds nodes. */
  readonly node?: Node;
  readonly js: unknown;
  /** The node's range[2]. */
  readonly end: number;
}

/** A duplicate key met while building values only: the caller parses again with nodes. */
const DUPLICATE = { duplicate: true };

/** What parsePlainValue gives for a text in the subset with a duplicate key in a mapping. */
export const HAS_DUPLICATE_KEY = 'duplicate key';

class PlainParser extends PlainText {
  /** Start of the first line not consumed yet. */
  private cursor = 0;
  /** Where the last value left empty is (-1: none yet). */
  private lastEmpty = -1;

  /** `nodes`: build the yaml nodes too, not only the plain value. */
  constructor(text: string, private readonly nodes: boolean) {
    super(text);
  }

  parse(): { root: Built; doc?: Document.Parsed; contentStart: number } {
    const { text } = this;
    let p = 0;
    let docStart = false;
    if (text.startsWith('---')) {
      docStart = true;
      p = this.restOfLineEmpty(3) ? this.nextLine(3) : fail();
    }
    // comment lines and blank lines before the content
    for (;;) {
      if (p >= text.length) fail(); // an empty document
      const first = this.firstNonSpace(p);
      if (text.charCodeAt(first) === 35 /* # */ && first === p) p = this.nextLine(p);
      else if (first === this.lineEnd(p)) p = this.nextLine(p);
      else break;
    }
    if (text.charCodeAt(p) === SPACE) fail();
    const root = this.isSeqEntry(p) ? this.sequence(0, p) : this.mapping(0, p);
    if (this.skipBlankLines(this.cursor) < text.length) fail();
    if (!this.nodes) return { root, contentStart: p };
    const doc = new Document(undefined, YAML_OPTIONS) as Document.Parsed;
    if (docStart) doc.directives!.docStart = true;
    doc.contents = root.node as Document.Parsed['contents'];
    // after a last value left empty, the document ends where that value is
    doc.range = [docStart ? 0 : p, root.end, root.end === this.lastEmpty ? root.end : text.length];
    return { root, doc, contentStart: p };
  }

  // ---- collections ----

  private mapping(indent: number, firstKey: number): Built {
    const { text } = this;
    const items: Pair[] | undefined = this.nodes ? [] : undefined;
    const js: Record<string, unknown> = {};
    let keyAt = firstKey;
    let end = firstKey;
    for (;;) {
      const key = this.key(keyAt);
      const p = this.firstNonSpace(key.after);
      let value: Built;
      if (p >= text.length || text.charCodeAt(p) === NL) {
        const next = this.skipBlankLines(p >= text.length ? p : p + 1);
        const nextIndent = this.firstNonSpace(next) - next;
        if (next < text.length && nextIndent > indent) {
          value = this.isSeqEntry(next + nextIndent) ? this.sequence(nextIndent, next) : this.mapping(nextIndent, next + nextIndent);
        } else if (next < text.length && nextIndent === indent && this.isSeqEntry(next + indent)) {
          value = this.sequence(indent, next);
        } else {
          // a comment after a value left empty ends up inside that value's range: left to yaml
          const commented = text.indexOf('#', p);
          if (commented !== -1 && commented < next) fail();
          value = this.emptyScalar(p);
          this.cursor = p >= text.length ? p : p + 1;
        }
      } else {
        value = this.inlineValue(p, indent);
      }
      if (key.name === '__proto__') fail();
      if (items) items.push(new Pair(key.node, value.node));
      else if (Object.hasOwn(js, key.name)) throw DUPLICATE;
      js[key.name] = value.js;
      end = value.end;
      const next = this.skipBlankLines(this.cursor);
      if (next >= text.length) break;
      const nextIndent = this.firstNonSpace(next) - next;
      if (nextIndent < indent) {
        this.endsCleanly(indent);
        break;
      }
      if (nextIndent > indent || this.isSeqEntry(next + indent)) fail();
      keyAt = next + indent;
    }
    if (!items) return { js, end };
    const map = new YAMLMap(schema);
    map.items = items;
    map.range = [firstKey, end, end];
    return { node: map, js, end };
  }

  private sequence(indent: number, lineStart: number): Built {
    const { text } = this;
    const items: Node[] | undefined = this.nodes ? [] : undefined;
    const js: unknown[] = [];
    const first = lineStart + indent;
    let line = lineStart;
    let end = first;
    for (;;) {
      const dash = line + indent;
      const p = this.firstNonSpace(dash + 1);
      let item: Built;
      if (p >= text.length || text.charCodeAt(p) === NL) {
        const next = this.skipBlankLines(p >= text.length ? p : p + 1);
        const nextIndent = this.firstNonSpace(next) - next;
        if (next >= text.length || nextIndent <= indent) fail(); // an empty item
        item = this.isSeqEntry(next + nextIndent) ? this.sequence(nextIndent, next) : this.mapping(nextIndent, next + nextIndent);
      } else if (this.isSeqEntry(p)) {
        fail(); // `- - x`
      } else if (this.startsKey(p)) {
        item = this.mapping(p - line, p);
      } else {
        item = this.inlineValue(p, indent);
      }
      items?.push(item.node!);
      js.push(item.js);
      end = item.end;
      const next = this.skipBlankLines(this.cursor);
      if (next >= text.length) break;
      const nextIndent = this.firstNonSpace(next) - next;
      if (nextIndent < indent || (nextIndent === indent && !this.isSeqEntry(next + indent))) {
        // a dedent, or a key of the mapping holding this sequence
        this.endsCleanly(indent);
        break;
      }
      if (nextIndent > indent) fail();
      line = next;
    }
    if (!items) return { js, end };
    const seq = new YAMLSeq(schema);
    seq.items = items;
    seq.range = [first, end, end];
    return { node: seq, js, end };
  }

  // ---- keys ----
  private key(p: number): { node?: Scalar; name: string; after: number } {
    const { text } = this;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(p);
      if (close === -1 || text.charCodeAt(close) !== 58) fail();
      const after = text.charCodeAt(close + 1);
      if (!(after === SPACE || after === NL || Number.isNaN(after))) fail();
      const name = this.unquote(p, close);
      return { node: this.quotedNode(p, name, [p, close, close]), name, after: close + 1 };
    }
    const colon = this.plainKeyEnd(p);
    if (colon === -1 || colon - p > 1000 || text.charCodeAt(colon - 1) === SPACE) fail();
    const source = text.slice(p, colon);
    if (source === '<<') fail();
    if (!this.nodes) {
      const name = resolvePlainValue(source, keyTags);
      return typeof name === 'string' ? { name, after: colon + 1 } : fail();
    }
    const node = resolvePlain(source, keyTags);
    if (typeof node.value !== 'string') fail();
    node.range = [p, colon, colon];
    return { node, name: node.value, after: colon + 1 };
  }

  // ---- scalars ----

  private quotedNode(p: number, value: string, range: [number, number, number]): Scalar | undefined {
    if (!this.nodes) return undefined;
    const node = new Scalar(value);
    node.source = value;
    node.type = this.text.charCodeAt(p) === 39 ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
    node.range = range;
    return node;
  }

  private emptyScalar(at: number): Built {
    this.lastEmpty = at;
    if (!this.nodes) return { js: null, end: at };
    const node = new Scalar(null);
    node.range = [at, at, at];
    node.source = '';
    node.type = Scalar.PLAIN;
    return { node, js: null, end: at };
  }

  /** A plain scalar's node (with its range) and value. */
  private plain(source: string, tags: typeof valueTags, range: [number, number, number]): Built {
    if (!this.nodes) return { js: plainJs(resolvePlainValue(source, tags)), end: range[2] };
    const node = resolvePlain(source, tags);
    node.range = range;
    return { node, js: plainJs(node.value), end: range[2] };
  }

  /** A value that starts on the current line at p (the line holds nothing before it but its key or dash). */
  private inlineValue(p: number, indent: number): Built {
    const { text } = this;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) {
      const { value, close } = this.quotedAt(p);
      this.cursor = this.afterValue(close);
      return { node: this.quotedNode(p, value, [p, close, this.cursor]), js: value, end: this.cursor };
    }
    if (c === 124 /* | */) return this.literal(p, indent);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const flow = c === 91 ? this.flowSequence(p) : this.flowMapping(p);
      this.cursor = this.afterValue(flow.close);
      if (flow.node) flow.node.range = [p, flow.close, this.cursor];
      return { node: flow.node, js: flow.js, end: this.cursor };
    }
    if (!startsPlain(text, p)) fail();
    const lineEnd = this.lineEnd(p);
    let end = p;
    for (let i = p; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === SPACE) continue;
      if (ch === 35 && text.charCodeAt(i - 1) === SPACE) break;
      if (ch === 58 && (text.charCodeAt(i + 1) === SPACE || i + 1 === lineEnd)) fail(); // a mapping inside a value
      end = i + 1;
    }
    this.cursor = this.afterValue(end);
    return this.plain(text.slice(p, end), valueTags, [p, end, this.cursor]);
  }

  /** `|` or `|-` and the more indented lines below it. */
  private literal(p: number, indent: number): Built {
    const { text } = this;
    const strip = text.charCodeAt(p + 1) === 45;
    const headerEnd = p + (strip ? 2 : 1);
    if (text.charCodeAt(headerEnd) !== NL) fail();
    let line = headerEnd + 1;
    const contentIndent = this.firstNonSpace(line) - line;
    if (contentIndent <= indent || line + contentIndent >= text.length || text.charCodeAt(line + contentIndent) === NL) fail();
    const lines: string[] = [];
    let end = line;
    while (line < text.length) {
      const lineEnd = this.lineEnd(line);
      const spaces = this.firstNonSpace(line) - line;
      if (line + spaces === lineEnd) {
        if (spaces > contentIndent) fail();
        lines.push('');
      } else if (spaces < contentIndent) {
        if (spaces > indent) fail();
        break;
      } else {
        if (lineEnd === text.length) fail(); // no line break after the last line
        lines.push(text.slice(line + contentIndent, lineEnd));
        end = lineEnd + 1;
      }
      line = lineEnd + 1;
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    const value = lines.join('\n') + (strip ? '' : '\n');
    this.cursor = end;
    if (!this.nodes) return { js: value, end };
    const node = new Scalar(value);
    node.source = value;
    node.type = Scalar.BLOCK_LITERAL;
    node.range = [p, end, end];
    return { node, js: value, end };
  }

  // ---- one-line flow collections of scalars ----

  private flowSequence(p: number): { node?: YAMLSeq; js: unknown[]; close: number } {
    const { text } = this;
    const seq = this.nodes ? new YAMLSeq(schema) : undefined;
    if (seq) seq.flow = true;
    const js: unknown[] = [];
    let i = this.firstNonSpace(p + 1);
    if (text.charCodeAt(i) !== 93 /* ] */) {
      for (;;) {
        const item = this.flowScalar(i, false);
        seq?.items.push(item.node);
        js.push(item.js);
        i = this.firstNonSpace(item.after);
        const c = text.charCodeAt(i);
        if (c === 93) break;
        if (c !== 44 /* , */) fail();
        i = this.firstNonSpace(i + 1);
      }
    }
    return { node: seq, js, close: i + 1 };
  }

  private flowMapping(p: number): { node?: YAMLMap; js: Record<string, unknown>; close: number } {
    const { text } = this;
    const map = this.nodes ? new YAMLMap(schema) : undefined;
    if (map) map.flow = true;
    const js: Record<string, unknown> = {};
    let i = this.firstNonSpace(p + 1);
    if (text.charCodeAt(i) !== 125 /* } */) {
      for (;;) {
        const key = this.flowScalar(i, true);
        if (text.charCodeAt(key.after) !== 58 || text.charCodeAt(key.after + 1) !== SPACE) fail();
        const name = key.js;
        if (typeof name !== 'string' || name === '__proto__' || name === '<<') fail();
        const value = this.flowScalar(this.firstNonSpace(key.after + 1), false);
        if (map) map.items.push(new Pair(key.node, value.node));
        else if (Object.hasOwn(js, name)) throw DUPLICATE;
        js[name] = value.js;
        i = this.firstNonSpace(value.after);
        const c = text.charCodeAt(i);
        if (c === 125) break;
        if (c !== 44) fail();
        i = this.firstNonSpace(i + 1);
      }
    }
    return { node: map, js, close: i + 1 };
  }

  /** A scalar inside a one-line flow collection; `after` is just past its source. */
  private flowScalar(p: number, atKey: boolean): { node?: Node; js: unknown; after: number } {
    const { text } = this;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) {
      const { value, close } = this.quotedAt(p);
      return { node: this.quotedNode(p, value, [p, close, atKey ? close : this.firstNonSpace(close)]), js: value, after: close };
    }
    if (!startsPlain(text, p)) fail();
    let end = p;
    for (let i = p; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === NL || ch === 44 || ch === 93 || ch === 125 || ch === 91 || ch === 123) break;
      if (ch === 35 && text.charCodeAt(i - 1) === SPACE) fail();
      if (ch === 58) {
        const after = text.charCodeAt(i + 1);
        if (after === SPACE || after === 44 || after === 93 || after === 125 || after === NL) break;
      }
      if (ch !== SPACE) end = i + 1;
    }
    if (end === p) fail();
    const source = text.slice(p, end);
    if (atKey) {
      // a key's value is checked to be a string by the caller, so no plainJs here
      if (!this.nodes) return { js: resolvePlainValue(source, keyTags), after: end };
      const node = resolvePlain(source, keyTags);
      node.range = [p, end, end];
      return { node, js: node.value, after: end };
    }
    const built = this.plain(source, valueTags, [p, end, this.firstNonSpace(end)]);
    return { node: built.node, js: built.js, after: end };
  }
}

function outsideSubset(text: string): boolean {
  return text.includes('\uFEFF') || text.includes('\t') || text.includes('\r') || text.includes('\n...') || text.includes('\n---');
}

/** The document parsed by the fast path, or undefined when the text is outside its subset. */
export function parsePlainYaml(text: string): PlainParse | undefined {
  if (outsideSubset(text)) return undefined;
  try {
    const { root, doc } = new PlainParser(text, true).parse();
    return { doc: doc!, value: root.js };
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

/**
 * The plain value alone, without nodes: what analysis needs first; parsePlainYaml gives the
 * nodes of the same text when they are needed. `undefined` outside the subset;
 * HAS_DUPLICATE_KEY for a text in the subset with a mapping that repeats a key (its finding
 * needs the nodes, so such a text is parsed with them at once).
 */
export function parsePlainValue(text: string): PlainValue | typeof HAS_DUPLICATE_KEY | undefined {
  if (outsideSubset(text)) return undefined;
  try {
    const { root, contentStart } = new PlainParser(text, false).parse();
    return { value: root.js, contentStart };
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    if (error === DUPLICATE) return HAS_DUPLICATE_KEY;
    throw error;
  }
}
