// Parses one document chunk (see splitDocuments.ts) and reports its YAML problems as
// findings with offsets relative to the chunk, so the result stays valid when the chunk
// moves within the file. Aliases stay nodes here; expansion happens once, under a budget,
// in extractResources.ts. Scalars resolve as YAML 1.1, as kubectl reads them (`yes`, `on` are booleans).
import { isAlias, isCollection, isScalar, isSeq, parseDocument as parseYaml, type Document, type YAMLMap } from 'yaml';
import type { Finding } from '../finding';
import { HAS_DUPLICATE_KEY, parsePlainValue, parsePlainYaml, YAML_OPTIONS } from './plainYaml';
import { codeForYamlError, messageForYamlError } from './yamlErrorCodes';

export interface ParsedDocument {
  /** The nodes. For a text the fast parser (plainYaml.ts) read, built on first use: most documents never need them. */
  readonly doc: Document.Parsed;
  /** YAML problems, offsets relative to the chunk. */
  readonly findings: readonly Finding[];
  /** `doc.toJS()`, when the fast parser built it (such a text has no aliases to budget). */
  readonly value?: unknown;
  /** Where the content starts (`doc.contents.range[0]`; 0 without content). */
  readonly contentStart: number;
}

/** A document in the fast parser's subset: its value now, its nodes when first asked for. */
function lazyDocument(text: string, value: unknown, contentStart: number): ParsedDocument {
  let doc: Document.Parsed | undefined;
  return {
    get doc() {
      return (doc ??= parsePlainYaml(text)!.doc);
    },
    findings: [],
    value,
    contentStart,
  };
}

export function parseChunk(text: string): ParsedDocument {
  // The parser's own duplicate-key check (uniqueKeys) compares each key with every earlier
  // key of its mapping: a 40,000-key ConfigMap took half a minute. So it is off, and
  // duplicates are found below with one Set per mapping, by the parser's notion of equal
  // keys (scalars with the same value; merge keys `<<` never repeat).
  // Most manifests are in the plain subset the fast parser reads; the rest goes to `yaml`.
  const plainValue = parsePlainValue(text);
  if (plainValue !== undefined && plainValue !== HAS_DUPLICATE_KEY) return lazyDocument(text, plainValue.value, plainValue.contentStart);
  const plain = plainValue === HAS_DUPLICATE_KEY ? parsePlainYaml(text) : undefined;
  const doc = plain?.doc ?? parseYaml(text, YAML_OPTIONS);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (finding: Finding) => {
    // the parser repeats a stack overflow once per level: report it once
    const key = finding.code === 'MM110' ? 'MM110' : `${finding.code}:${finding.start}:${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  for (const error of doc.errors) {
    const code = codeForYamlError(error.code);
    add({ code, message: messageForYamlError(error.code, error.message), start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) });
  }
  for (const warning of doc.warnings) {
    add({ code: 'MM100', severity: 'warning', message: `YAML: ${warning.message}`, start: warning.pos[0], end: Math.max(warning.pos[1], warning.pos[0] + 1) });
  }
  if (!findings.some((f) => f.code === 'MM110')) {
    try {
      // One pass in document order. An alias refers to the last anchor of that name before
      // it, as Alias.resolve has it; calling that per alias walks the whole document each
      // time, which took minutes for a file of a few thousand aliases. A plain recursion:
      // yaml's visit() allocates a path per node, a third of this pass on a large file.
      const anchors = new Set<string>();
      const walk = (node: unknown): void => {
        if (isAlias(node)) {
          if (!anchors.has(node.source) && node.range) {
            add({ code: 'MM104', message: `The alias *${node.source} has no anchor &${node.source} before it in this document.`, start: node.range[0], end: node.range[1] });
          }
          return;
        }
        if (isScalar(node)) {
          if (node.anchor) anchors.add(node.anchor);
          return;
        }
        if (!isCollection(node)) return;
        if (node.anchor) anchors.add(node.anchor);
        if (isSeq(node)) {
          for (const item of node.items) walk(item);
          return;
        }
        // the mapping's own duplicate keys first, then its contents (visit()'s order)
        const pairs = (node as YAMLMap<unknown, unknown>).items;
        const keys = new Set<unknown>();
        for (const { key } of pairs) {
          if (!isScalar(key) || Number.isNaN(key.value)) continue;
          if (!keys.has(key.value)) keys.add(key.value);
          else if (key.range) add({ code: codeForYamlError('DUPLICATE_KEY'), message: messageForYamlError('DUPLICATE_KEY', ''), start: key.range[0], end: Math.max(key.range[1], key.range[0] + 1) });
        }
        for (const pair of pairs) {
          walk(pair.key);
          walk(pair.value);
        }
      };
      walk(doc.contents);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const contentStart = (doc.contents as { range?: number[] } | null)?.range?.[0] ?? 0;
  return plain ? { doc, findings, value: plain.value, contentStart } : { doc, findings, contentStart };
}
