// Snippets: parse the snippets/*.json texts, expand bodies to plain text, and list them as
// completion data. Pure; the caller supplies the file texts.
export { parseSnippetFile } from './parseSnippetFile';
export type { SnippetDefinition, SnippetFile } from './parseSnippetFile';
export { expandSnippet, snippetTabStops, DEFAULT_SNIPPET_VARIABLES } from './expandSnippet';
export type { ExpandOptions } from './expandSnippet';
export { parseSnippetSyntax } from './snippetSyntax';
export type { SnippetNode, SnippetTransform, FormatPart, ParsedSnippet } from './snippetSyntax';
export { snippetCompletions } from './snippetCompletions';
export type { SnippetCompletion } from './snippetCompletions';
