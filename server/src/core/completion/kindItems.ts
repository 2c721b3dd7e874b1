// apiVersion and kind, always as a pair: every kind the schema index knows, written with the
// apiVersion that serves it. At the root of a document without either, one item writes both
// (and opens metadata.name); on a `kind:` value, the item fixes `apiVersion` alongside
// (adding the line when it is missing, rewriting it when it does not serve the kind).
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { item, rangeOf, type ItemContext } from './completionEdits';
import type { KnownKind } from './completionSchemas';
import { scalarText } from './scalarText';

const ROOT_API_VERSION = /^apiVersion[ \t]*:([ \t]*)([^#\n]*?)[ \t]*(?:#.*)?$/m;

function unquote(text: string): string {
  return text.replace(/^(["'])(.*)\1$/, '$2');
}

/** The combined items for the root of a document that has neither apiVersion nor kind. */
export function pairItems(ctx: ItemContext, kinds: readonly KnownKind[], presentKeys: readonly string[]): CompletionItem[] {
  const opensMetadata = !presentKeys.includes('metadata');
  const { indent } = ctx.cursor.layout;
  return kinds.map((k) => {
    const text = `apiVersion: ${k.apiVersion}\nkind: ${k.kind}\n${opensMetadata ? `metadata:\n${' '.repeat(indent)}name: ` : ''}`;
    return item(ctx, k.kind, CompletionItemKind.Class, text, {
      labelDetails: { description: k.apiVersion },
      detail: `apiVersion: ${k.apiVersion}`,
      documentation: `Starts a ${k.kind} (${k.group || 'core'} API group): writes apiVersion and kind together.`,
      rank: 2,
    });
  });
}

/** The edit that makes the document's root `apiVersion` serve `kind`, if one is needed. */
function apiVersionEdit(ctx: ItemContext, k: KnownKind): TextEdit | undefined {
  const { chunkText, chunkOffset, lineStart } = ctx.cursor;
  const m = ROOT_API_VERSION.exec(chunkText);
  if (m) {
    const current = unquote(m[2]);
    if (k.versions.includes(current)) return undefined;
    const colon = chunkOffset + m.index + m[0].indexOf(':') + 1;
    const end = colon + m[1].length + m[2].length;
    return { range: rangeOf(ctx.lines, colon, end), newText: ` ${k.apiVersion}` };
  }
  if (ctx.cursor.flow) return undefined;
  // the `kind:` line: insert apiVersion on a line of its own just above it, at its indentation
  const line = chunkText.slice(lineStart - chunkOffset);
  const spaces = /^ */.exec(line)?.[0] ?? '';
  return { range: rangeOf(ctx.lines, lineStart, lineStart), newText: `${spaces}apiVersion: ${k.apiVersion}\n` };
}

export function kindValueItems(ctx: ItemContext, kinds: readonly KnownKind[]): CompletionItem[] {
  return kinds.map((k) => {
    const edit = apiVersionEdit(ctx, k);
    return item(ctx, k.kind, CompletionItemKind.Class, scalarText(k.kind, ctx.cursor.flow), {
      labelDetails: { description: k.apiVersion },
      detail: edit ? `also sets apiVersion: ${k.apiVersion}` : k.apiVersion,
      additionalTextEdits: edit ? [edit] : undefined,
    });
  });
}

/** apiVersions: those serving the document's kind when it has one, else every served one. */
export function apiVersionItems(ctx: ItemContext, kinds: readonly KnownKind[], kind: string | undefined): CompletionItem[] {
  const matching = kind ? kinds.filter((k) => k.kind === kind) : [];
  const versions = new Map<string, string[]>();
  for (const k of matching.length ? matching : kinds) {
    for (const v of k.versions) versions.set(v, [...(versions.get(v) ?? []), k.kind]);
  }
  let rank = 0;
  return [...versions].map(([v, forKinds]) => item(ctx, v, CompletionItemKind.Module, scalarText(v, ctx.cursor.flow), {
    detail: matching.length ? `serves ${kind}` : `serves ${forKinds.slice(0, 4).join(', ')}${forKinds.length > 4 ? ', …' : ''}`,
    rank: Math.min(9, rank++),
  }));
}
