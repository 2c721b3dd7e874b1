// A snippet body as the text a user gets by accepting every default: what the snippet
// tests validate, and what a preview can show. Mirrors VS Code's behaviour where it has
// one: a bare `$1` repeats the default of placeholder 1 given elsewhere in the body, a
// choice inserts its first option, the final cursor `$0` inserts nothing, and a variable
// the editor knows is resolved (here from `variables`, else from the defaults below); an
// unknown variable without a default inserts its own name, as VS Code does.
import { parseSnippetSyntax, type FormatPart, type SnippetNode, type SnippetTransform } from './snippetSyntax';

export interface ExpandOptions {
  /** Values for `$TM_FILENAME_BASE` and friends; merged over DEFAULT_SNIPPET_VARIABLES. */
  readonly variables?: Readonly<Record<string, string>>;
}

/**
 * Stand-ins for the editor's variables. Chosen so that a name built from them is still a
 * valid Kubernetes name (lower case, no dots), since our snippets may use them in metadata.
 */
export const DEFAULT_SNIPPET_VARIABLES: Readonly<Record<string, string>> = {
  TM_FILENAME: 'mesh.yaml',
  TM_FILENAME_BASE: 'mesh',
  TM_DIRECTORY: 'manifests',
  TM_FILEPATH: 'manifests/mesh.yaml',
  RELATIVE_FILEPATH: 'manifests/mesh.yaml',
  WORKSPACE_NAME: 'workspace',
  WORKSPACE_FOLDER: 'workspace',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  CLIPBOARD: '',
  LINE_COMMENT: '#',
  BLOCK_COMMENT_START: '#',
  BLOCK_COMMENT_END: '',
};

export function expandSnippet(body: string, options: ExpandOptions = {}): string {
  const { nodes } = parseSnippetSyntax(body);
  const variables = { ...DEFAULT_SNIPPET_VARIABLES, ...options.variables };
  const defaults = collectDefaults(nodes);
  const expanding = new Set<number>();

  const render = (list: readonly SnippetNode[]): string => list.map(renderNode).join('');
  const renderNode = (node: SnippetNode): string => {
    switch (node.kind) {
      case 'text':
        return node.value;
      case 'choice':
        return node.options[0] ?? '';
      case 'tabstop': {
        const content = node.children.length > 0 ? node.children : defaults.get(node.index);
        // A placeholder whose default mirrors itself would loop; VS Code inserts nothing there.
        if (!content || expanding.has(node.index)) return '';
        expanding.add(node.index);
        const text = render(content);
        expanding.delete(node.index);
        return text;
      }
      case 'variable': {
        const value = Object.prototype.hasOwnProperty.call(variables, node.name) ? variables[node.name] : undefined;
        if (value !== undefined) return node.transform ? applyTransform(value, node.transform) : value;
        return node.children.length > 0 ? render(node.children) : node.name;
      }
    }
  };
  return render(nodes);
}

/** Indexes of the tab stops in a body (placeholders and choices included), ascending, without duplicates. */
export function snippetTabStops(body: string): number[] {
  const found = new Set<number>();
  const walk = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'tabstop' || node.kind === 'choice') found.add(node.index);
      if (node.kind === 'tabstop' || node.kind === 'variable') walk(node.children);
    }
  };
  walk(parseSnippetSyntax(body).nodes);
  return [...found].sort((a, b) => a - b);
}

// The first placeholder with a default (or the first choice) defines what its mirrors show.
function collectDefaults(nodes: readonly SnippetNode[]): Map<number, readonly SnippetNode[]> {
  const defaults = new Map<number, readonly SnippetNode[]>();
  const walk = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'tabstop' && node.children.length > 0 && !defaults.has(node.index)) {
        defaults.set(node.index, node.children);
      } else if (node.kind === 'choice' && !defaults.has(node.index)) {
        defaults.set(node.index, [{ kind: 'text', value: node.options[0] ?? '' }]);
      }
      if (node.kind === 'tabstop' || node.kind === 'variable') walk(node.children);
    }
  };
  walk(nodes);
  return defaults;
}

function applyTransform(value: string, transform: SnippetTransform): string {
  let regex: RegExp;
  try {
    regex = new RegExp(transform.regex, transform.flags.replace(/[^gimsuy]/g, ''));
  } catch {
    return value; // an invalid pattern: VS Code leaves the value as it is
  }
  return value.replace(regex, (...args: unknown[]) => {
    // (match, group 1..n, offset, whole[, named groups]): groups are never numbers, the offset is.
    const offsetAt = args.findIndex((a, i) => i > 0 && typeof a === 'number');
    const groups = args.slice(0, offsetAt) as (string | undefined)[];
    return transform.format.map((part) => formatPart(part, groups)).join('');
  });
}

function formatPart(part: FormatPart, groups: readonly (string | undefined)[]): string {
  if (part.kind === 'text') return part.value;
  const value = groups[part.index] ?? '';
  if (part.ifValue !== undefined || part.elseValue !== undefined) {
    return value ? (part.ifValue ?? value) : (part.elseValue ?? '');
  }
  switch (part.modifier) {
    case 'upcase':
      return value.toUpperCase();
    case 'downcase':
      return value.toLowerCase();
    case 'capitalize':
      return value.charAt(0).toUpperCase() + value.slice(1);
    case 'camelcase':
    case 'pascalcase': {
      const words = value.split(/[-_\s]+/).filter(Boolean);
      const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
      return part.modifier === 'camelcase' ? joined.charAt(0).toLowerCase() + joined.slice(1) : joined;
    }
    default:
      return value;
  }
}
