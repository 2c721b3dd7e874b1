// Reads the snippets shipped in snippets/*.json (beside dist/) for completion, so editors other
// than VS Code get them too. The files are read on first use and kept; the core parses them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSnippetFile, snippetCompletions, type SnippetCompletion, type SnippetDefinition } from './core/snippets/index';

export function snippetsFolder(): string {
  // dist/server.js sits one folder below the package root
  return path.join(__dirname, '..', 'snippets');
}

/** The YAML snippets of the folder as completions; problems in a file are logged, not fatal. */
export function loadSnippets(log: (m: string) => void, folder = snippetsFolder()): SnippetCompletion[] {
  const definitions: SnippetDefinition[] = [];
  try {
    for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const parsed = parseSnippetFile(fs.readFileSync(path.join(folder, name), 'utf8'), path.basename(name, '.json'));
      for (const problem of parsed.problems) log(problem);
      definitions.push(...parsed.snippets.filter((d) => d.scopes.length === 0 || d.scopes.includes('yaml')));
    }
  } catch (error) {
    log(`Mumbai Mesh: no snippets in ${folder} (${String(error)})`);
  }
  return snippetCompletions(definitions);
}

/** Reads the shipped snippets on the first call only. */
export function shippedSnippets(log: (m: string) => void): () => SnippetCompletion[] {
  let items: SnippetCompletion[] | undefined;
  return () => (items ??= loadSnippets(log));
}
