// The snippet grammar VS Code and LSP 3.17 share (tab stops, placeholders, choices,
// variables with transforms), parsed into a small tree. It follows VS Code's own parser
// (vs/editor/contrib/snippet/browser/snippetParser.ts) in the cases that matter here:
// `\` escapes only `$`, `}` and `\` in text (and also `,` and `|` inside a choice), and a `$`
// that starts nothing valid stays literal text. We record those literal `$` signs, because
// in our files one is always a forgotten escape (e.g. `{{ $labels.x }}` in an alert).
export type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  /** `$1`, `${1}` (no children) or `${1:default}` (children = the default). */
  | { readonly kind: 'tabstop'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] }
  | {
      readonly kind: 'variable';
      readonly name: string;
      readonly children: readonly SnippetNode[];
      readonly transform?: SnippetTransform;
    };

export interface SnippetTransform {
  readonly regex: string;
  readonly flags: string;
  readonly format: readonly FormatPart[];
}

/** One piece of a transform's format string: literal text, or `$n` with an optional modifier. */
export type FormatPart =
  | { readonly kind: 'text'; readonly value: string }
  | {
      readonly kind: 'group';
      readonly index: number;
      readonly modifier?: 'upcase' | 'downcase' | 'capitalize' | 'camelcase' | 'pascalcase';
      readonly ifValue?: string;
      readonly elseValue?: string;
    };

export interface ParsedSnippet {
  readonly nodes: readonly SnippetNode[];
  /** Offsets of `$` signs that start no valid construct and so stay literal. */
  readonly strayDollars: readonly number[];
}

const VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
const DIGITS = /^[0-9]+/;

export function parseSnippetSyntax(body: string): ParsedSnippet {
  const strayDollars: number[] = [];
  let pos = 0;

  // Parses nodes until `}` (when nested) or the end; leaves `pos` on the `}`.
  function parseNodes(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < body.length) {
      const ch = body[pos];
      if (ch === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        text += body[pos + 1];
        pos += 2;
      } else if (ch === '}' && nested) {
        break;
      } else if (ch === '$') {
        const start = pos;
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          pos = start + 1;
          strayDollars.push(start);
          text += '$';
        }
      } else {
        text += ch;
        pos++;
      }
    }
    flush();
    return nodes;
  }

  // At a `$`: returns the construct it starts and moves past it, or undefined.
  function parseDollar(): SnippetNode | undefined {
    pos++;
    const rest = body.slice(pos);
    const digits = DIGITS.exec(rest);
    if (digits) {
      pos += digits[0].length;
      return { kind: 'tabstop', index: Number(digits[0]), children: [] };
    }
    const name = VARIABLE_NAME.exec(rest);
    if (name) {
      pos += name[0].length;
      return { kind: 'variable', name: name[0], children: [] };
    }
    if (body[pos] !== '{') return undefined;
    pos++;
    return parseBraced();
  }

  // After `${`.
  function parseBraced(): SnippetNode | undefined {
    const rest = body.slice(pos);
    const digits = DIGITS.exec(rest);
    if (digits) {
      const index = Number(digits[0]);
      pos += digits[0].length;
      if (body[pos] === '}') {
        pos++;
        return { kind: 'tabstop', index, children: [] };
      }
      if (body[pos] === ':') {
        pos++;
        const children = parseNodes(true);
        if (body[pos] !== '}') return undefined;
        pos++;
        return { kind: 'tabstop', index, children };
      }
      if (body[pos] === '|') {
        pos++;
        const options = parseChoiceOptions();
        return options ? { kind: 'choice', index, options } : undefined;
      }
      return undefined;
    }
    const name = VARIABLE_NAME.exec(rest);
    if (!name) return undefined;
    pos += name[0].length;
    if (body[pos] === '}') {
      pos++;
      return { kind: 'variable', name: name[0], children: [] };
    }
    if (body[pos] === ':') {
      pos++;
      const children = parseNodes(true);
      if (body[pos] !== '}') return undefined;
      pos++;
      return { kind: 'variable', name: name[0], children };
    }
    if (body[pos] === '/') {
      pos++;
      const transform = parseTransform();
      return transform ? { kind: 'variable', name: name[0], children: [], transform } : undefined;
    }
    return undefined;
  }

  // After `${1|`: options up to `|}`.
  function parseChoiceOptions(): string[] | undefined {
    const options: string[] = [];
    let current = '';
    while (pos < body.length) {
      const ch = body[pos];
      if (ch === '\\' && pos + 1 < body.length && '$}\\,|'.includes(body[pos + 1])) {
        current += body[pos + 1];
        pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        pos++;
      } else if (ch === '|') {
        if (body[pos + 1] !== '}') return undefined;
        options.push(current);
        pos += 2;
        return options;
      } else {
        current += ch;
        pos++;
      }
    }
    return undefined;
  }

  // After `${NAME/`: regex `/` format `/` flags `}`.
  function parseTransform(): SnippetTransform | undefined {
    const regex = readUntilSlash();
    if (regex === undefined) return undefined;
    const formatText = readUntilSlash(true);
    if (formatText === undefined) return undefined;
    const close = body.indexOf('}', pos);
    if (close === -1) return undefined;
    const flags = body.slice(pos, close);
    if (!/^[a-z]*$/.test(flags)) return undefined;
    pos = close + 1;
    return { regex, flags, format: parseFormat(formatText) };
  }

  // In a format, `${1:/upcase}` holds a `/` that does not end it.
  function readUntilSlash(inFormat = false): string | undefined {
    let out = '';
    while (pos < body.length) {
      const ch = body[pos];
      if (inFormat && ch === '$' && body[pos + 1] === '{') {
        const close = body.indexOf('}', pos);
        if (close === -1) return undefined;
        out += body.slice(pos, close + 1);
        pos = close + 1;
      } else if (ch === '\\' && body[pos + 1] === '/') {
        out += '/';
        pos += 2;
      } else if (ch === '/') {
        pos++;
        return out;
      } else {
        out += ch;
        pos++;
      }
    }
    return undefined;
  }

  const nodes = parseNodes(false);
  return { nodes, strayDollars };
}

const MODIFIERS = new Set(['upcase', 'downcase', 'capitalize', 'camelcase', 'pascalcase']);

function parseFormat(format: string): FormatPart[] {
  const parts: FormatPart[] = [];
  const pattern = /\$(\d+)|\$\{(\d+)(?::(?:\/(\w+)|\+([^}]*)|\?([^:}]*):([^}]*)|-?([^}]*)))?\}|\\(.)|([^$\\]+|[$\\])/g;
  for (const m of format.matchAll(pattern)) {
    if (m[1] !== undefined) parts.push({ kind: 'group', index: Number(m[1]) });
    else if (m[2] !== undefined) {
      const index = Number(m[2]);
      if (m[3] !== undefined && MODIFIERS.has(m[3])) {
        parts.push({ kind: 'group', index, modifier: m[3] as 'upcase' });
      } else if (m[4] !== undefined) parts.push({ kind: 'group', index, ifValue: m[4], elseValue: '' });
      else if (m[5] !== undefined) parts.push({ kind: 'group', index, ifValue: m[5], elseValue: m[6] });
      else if (m[7] !== undefined) parts.push({ kind: 'group', index, elseValue: m[7] });
      else parts.push({ kind: 'group', index });
    } else if (m[8] !== undefined) {
      parts.push({ kind: 'text', value: m[8] === 'n' ? '\n' : m[8] === 't' ? '\t' : m[8] });
    } else parts.push({ kind: 'text', value: m[9] });
  }
  return parts;
}
