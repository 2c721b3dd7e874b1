// Parses one document chunk (see splitDocuments.ts) and reports its YAML problems as
// findings with offsets relative to the chunk, so the result stays valid when the chunk
// moves within the file. Aliases stay nodes here; expansion happens once, under a budget,
// in extractResources.ts. Scalars resolve as YAML 1.1, as kubectl reads them (`yes`, `on` are booleans).
import { parseDocument as parseYaml, visit, type Document } from 'yaml';
import type { Finding } from '../finding';
import { codeForYamlError, messageForYamlError } from './yamlErrorCodes';

export interface ParsedDocument {
  readonly doc: Document.Parsed;
  /** YAML problems, offsets relative to the chunk. */
  readonly findings: readonly Finding[];
}

export function parseChunk(text: string): ParsedDocument {
  const doc = parseYaml(text, { prettyErrors: false, uniqueKeys: true, version: '1.1' });
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (finding: Finding) => {
    // the parser repeats a stack overflow once per level: report it once
    const key = finding.code === 'MM110' ? 'MM110' : `${finding.code}:${finding.start}:${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  let keyEnds: Map<number, number> | undefined;
  for (const error of doc.errors) {
    const code = codeForYamlError(error.code);
    let end = Math.max(error.pos[1], error.pos[0] + 1);
    // the parser marks only a duplicate key's first character; cover the whole key
    if (error.code === 'DUPLICATE_KEY') end = Math.max(end, (keyEnds ??= keyEndsByStart(doc)).get(error.pos[0]) ?? end);
    add({ code, message: messageForYamlError(error.code, error.message), start: error.pos[0], end });
  }
  for (const warning of doc.warnings) {
    add({ code: 'MM100', severity: 'warning', message: `YAML: ${warning.message}`, start: warning.pos[0], end: Math.max(warning.pos[1], warning.pos[0] + 1) });
  }
  if (!findings.some((f) => f.code === 'MM110')) {
    try {
      visit(doc, {
        Alias(_key, node) {
          if (node.resolve(doc) === undefined && node.range) {
            add({ code: 'MM104', message: `The alias *${node.source} has no anchor &${node.source} before it in this document.`, start: node.range[0], end: node.range[1] });
          }
        },
      });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return { doc, findings };
}

function keyEndsByStart(doc: Document.Parsed): Map<number, number> {
  const ends = new Map<number, number>();
  try {
    visit(doc, {
      Pair(_key, pair) {
        const range = (pair.key as { range?: number[] } | null)?.range;
        if (range) ends.set(range[0], range[1]);
      },
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return ends;
}
