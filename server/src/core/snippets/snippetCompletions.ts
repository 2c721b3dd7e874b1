// Snippets as completion data for the language server, so that editors other than VS Code
// (which reads package.json `contributes.snippets` itself) get them too. One entry per
// prefix: typing the plain name (`mm-canary`) must find the snippet as surely as the
// themed one (`mm-dabbawala-canary`). The server turns these into CompletionItems with
// `insertTextFormat: Snippet`; LSP 3.17 snippet syntax is the one our bodies use.
import { expandSnippet } from './expandSnippet';
import type { SnippetDefinition } from './parseSnippetFile';

export interface SnippetCompletion {
  /** The prefix, shown and matched as the completion label. */
  readonly label: string;
  /** The themed title (the entry's key), for the item's detail. */
  readonly title: string;
  readonly description: string;
  /** Insert text in snippet syntax. */
  readonly body: string;
  /** The body with every default accepted, for the documentation popup. */
  readonly preview: string;
  /** The other prefixes of the same snippet. */
  readonly aliases: readonly string[];
  readonly source: string;
}

export function snippetCompletions(snippets: readonly SnippetDefinition[]): SnippetCompletion[] {
  const items: SnippetCompletion[] = [];
  for (const snippet of snippets) {
    const preview = expandSnippet(snippet.body);
    for (const prefix of snippet.prefixes) {
      items.push({
        label: prefix,
        title: snippet.title,
        description: snippet.description,
        body: snippet.body,
        preview,
        aliases: snippet.prefixes.filter((p) => p !== prefix),
        source: snippet.source,
      });
    }
  }
  return items.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
