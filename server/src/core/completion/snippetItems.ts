// The snippets of snippets/*.json as completion items, for editors other than VS Code (which
// reads package.json `contributes.snippets` itself): offered where a whole resource can go,
// at the root of a document that has no apiVersion or kind yet, e.g. an empty `---` document.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { SnippetCompletion } from '../snippets/snippetCompletions';
import { item, type ItemContext } from './completionEdits';

export function snippetItems(ctx: ItemContext, snippets: readonly SnippetCompletion[]): CompletionItem[] {
  return snippets.map((s) => item(ctx, s.label, CompletionItemKind.Snippet, s.body, {
    detail: s.title,
    documentation: { kind: 'markdown', value: `${s.description}${s.aliases.length ? `\n\nAlso: ${s.aliases.map((a) => `\`${a}\``).join(', ')}` : ''}\n\n\`\`\`yaml\n${s.preview}\n\`\`\`` },
    insertTextFormat: InsertTextFormat.Snippet,
    rank: 3,
  }));
}
