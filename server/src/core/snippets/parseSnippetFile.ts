// One `snippets/*.json` file (VS Code's snippet format) as plain data. The core gets the
// text from its caller (the server reads the files, tests read them too), never from disk.
// VS Code reads these files as JSON with comments, so we accept comments and trailing
// commas too; a malformed entry is reported and skipped, the rest of the file still counts.
export interface SnippetDefinition {
  /** The entry's key, which VS Code shows as the snippet's name: our themed title. */
  readonly title: string;
  /** What the user types; the first is the themed one by our convention. */
  readonly prefixes: readonly string[];
  /** The body in snippet syntax, lines joined with `\n`. */
  readonly body: string;
  readonly description: string;
  /** Languages from the entry's `scope` (comma-separated); empty: those of the contribution. */
  readonly scopes: readonly string[];
  /** Which file it came from, e.g. `istio` for snippets/istio.json. */
  readonly source: string;
}

export interface SnippetFile {
  readonly snippets: readonly SnippetDefinition[];
  /** One line per problem, naming the entry. */
  readonly problems: readonly string[];
}

export function parseSnippetFile(text: string, source: string): SnippetFile {
  let data: unknown;
  try {
    data = JSON.parse(stripJsonComments(text));
  } catch (error) {
    return { snippets: [], problems: [`${source}: not valid JSON (${(error as Error).message})`] };
  }
  if (!isRecord(data)) return { snippets: [], problems: [`${source}: the file must hold one JSON object`] };

  const snippets: SnippetDefinition[] = [];
  const problems: string[] = [];
  for (const [title, entry] of Object.entries(data)) {
    if (!isRecord(entry)) {
      problems.push(`${source}: "${title}" is not an object`);
      continue;
    }
    const prefixes = stringList(entry.prefix);
    const bodyLines = stringList(entry.body);
    if (!prefixes || prefixes.length === 0) {
      problems.push(`${source}: "${title}" needs a prefix (a string or a list of strings)`);
      continue;
    }
    if (!bodyLines) {
      problems.push(`${source}: "${title}" needs a body (a string or a list of strings)`);
      continue;
    }
    const description = typeof entry.description === 'string' ? entry.description : '';
    const scopes = typeof entry.scope === 'string' ? entry.scope.split(',').map((s) => s.trim()).filter(Boolean) : [];
    snippets.push({ title, prefixes, body: bodyLines.join('\n'), description, scopes, source });
  }
  return { snippets, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

// Removes `//` and `/* */` comments and trailing commas outside strings.
function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      out += ch;
      i++;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
