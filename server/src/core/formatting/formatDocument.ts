// Format Document: each YAML document of the file is printed again by the `yaml` package's
// Document API, which keeps comments, key order, anchors, tags and scalar styles, with the
// editor's indentation and the file's own list style (indented or not under their key).
// Left alone: template files (helmTemplate.ts) and files the analysis refuses (fileGuards.ts), documents
// with syntax errors, empty ones, and any document whose reprint would not read back to the
// same values with the same comments — formatting must never change what a file says.
import { parseDocument, type Document } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { layoutOf } from '../completion/documentLayout';
import { guardFile } from '../parse/fileGuards';
import { findTemplateAction } from '../parse/helmTemplate';
import { createLineIndex } from '../parse/lineIndex';
import { splitDocuments } from '../parse/splitDocuments';
import { restoreCommentLayout } from './commentLayout';
import { sameValue } from './sameValue';
import { yamlComments } from './yamlComments';

export interface FormatOptions {
  /** Spaces per indentation level (the editor's tabSize); YAML indents with spaces only. */
  readonly tabSize: number;
  /** mumbaiMesh.format.enable */
  readonly enable?: boolean;
  readonly maxFileSizeKB?: number;
}

// YAML 1.1, as kubectl reads manifests: `0755` stays octal and `yes` a boolean written as is.
const PARSE = { version: '1.1', uniqueKeys: false, prettyErrors: false } as const;

function plain(doc: Document): unknown {
  return doc.toJS({ maxAliasCount: 1000 });
}

function commentTexts(text: string): string[] {
  return yamlComments(text).map((c) => c.source.trimEnd());
}

/** The document `text` formatted, or undefined to leave it as it is. */
export function formatYamlDocument(text: string, indent: number): string | undefined {
  const doc = parseDocument(text, PARSE);
  if (doc.errors.length > 0) return undefined;
  const contents = doc.contents as { value?: unknown } | null;
  if (contents === null || (contents.value !== undefined && (contents.value === null || contents.value === ''))) return undefined;
  let out: string;
  try {
    out = doc.toString({ indent, indentSeq: layoutOf(text).indentSequences, lineWidth: 0, minContentWidth: 0 });
  } catch {
    return undefined;
  }
  out = restoreCommentLayout(text.replace(/\r\n/g, '\n'), out);
  // keep the blank lines (or missing final newline) that end the document, and its line ends
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const trailingNewlines = (/\n[\s]*$/.exec(text)?.[0].match(/\n/g) ?? []).length;
  out = (out.replace(/\s+$/, '') + '\n'.repeat(trailingNewlines)).replace(/\n/g, eol);
  const again = parseDocument(out, PARSE);
  if (again.errors.length > 0) return undefined;
  try {
    if (!sameValue(plain(doc), plain(again))) return undefined;
  } catch {
    return undefined;
  }
  // `{{ … }}` outside quotes reads as nested flow maps: never reprint it as one
  const braces = (s: string) => s.split('{{').length;
  if (braces(out) !== braces(text)) return undefined;
  const before = commentTexts(text);
  const after = commentTexts(out);
  if (before.length !== after.length || before.some((c, i) => c !== after[i])) return undefined;
  return out;
}

export function formatDocument(text: string, options: FormatOptions): TextEdit[] {
  if (options.enable === false) return [];
  if (guardFile(text, options.maxFileSizeKB ?? 4096) || findTemplateAction(text)) return [];
  const indent = Math.max(1, Math.min(8, Math.floor(options.tabSize) || 2));
  const lines = createLineIndex(text);
  const edits: TextEdit[] = [];
  for (const chunk of splitDocuments(text)) {
    const formatted = formatYamlDocument(chunk.text, indent);
    if (formatted === undefined || formatted === chunk.text) continue;
    edits.push({ range: { start: lines.positionAt(chunk.offset), end: lines.positionAt(chunk.offset + chunk.text.length) }, newText: formatted });
  }
  return edits;
}
