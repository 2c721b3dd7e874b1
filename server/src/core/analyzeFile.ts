// One file's analysis: guards, split into documents, parse, find resources, validate.
// Each document's result is cached by its text, so after a one-line edit only the edited
// document is parsed and validated again; the rest is reused from the previous result.
import type { Finding } from './finding';
import { guardFile, MAX_NESTING } from './parse/fileGuards';
import { nestingDepth } from './parse/nestingDepth';
import { createLineIndex, type LineIndex } from './parse/lineIndex';
import { createLocator, type Locator } from './parse/locator';
import { parseChunk } from './parse/parseDocument';
import { extractResources, type DocumentShape, type Resource } from './parse/extractResources';
import { splitDocuments } from './parse/splitDocuments';

export type ValidateResource = (resource: Resource, locator: Locator) => Finding[];

export interface AnalyzedDocument {
  readonly text: string;
  readonly shape: DocumentShape;
  readonly resources: readonly Resource[];
  /** Offsets relative to the document's text. */
  readonly findings: readonly Finding[];
  /** Where the document's content starts, relative to its text (for MM108). */
  readonly contentStart: number;
}

export interface PlacedDocument {
  readonly offset: number;
  readonly analysis: AnalyzedDocument;
}

export interface AnalyzedFile {
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly documents: readonly PlacedDocument[];
  /** Absolute offsets. */
  readonly findings: readonly Finding[];
  /** Cache key of the options the documents were analysed with. */
  readonly optionsKey: string;
}

export interface AnalyzeOptions {
  readonly maxFileSizeKB: number;
  readonly aliasBudget: number;
  readonly validateResource: ValidateResource;
  /** Checked between documents; when it returns true the analysis stops early. */
  readonly shouldStop?: () => boolean;
}

export class AnalysisCancelled extends Error {}

/**
 * A copy of `text` that does not share memory with the file it was sliced from. V8 keeps
 * the whole parent string alive for a slice; cached documents outlive their file version,
 * so without this every edit would retain a full copy of the file.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

function analyzeDocument(sliced: string, options: AnalyzeOptions): AnalyzedDocument {
  const text = detached(sliced);
  if (nestingDepth(text, MAX_NESTING + 1) > MAX_NESTING) {
    return {
      text,
      shape: 'broken',
      resources: [],
      findings: [{ code: 'MM110', message: `This document nests more than ${MAX_NESTING} levels deep, which no real manifest does; it is not analysed. Flatten it.`, start: 0, end: Math.min(1, text.length) }],
      contentStart: 0,
    };
  }
  const parsed = parseChunk(text);
  const findings: Finding[] = [...parsed.findings];
  const contentStart = (parsed.doc.contents as { range?: number[] } | null)?.range?.[0] ?? 0;
  if (parsed.findings.some((f) => f.code === 'MM110')) {
    return { text, shape: 'broken', resources: [], findings, contentStart };
  }
  const extracted = extractResources(parsed.doc, options.aliasBudget, text);
  findings.push(...extracted.findings);
  // A document with syntax errors still gets schema checks: the parser recovers well, and
  // the user should see both. Its resources are kept for the workspace.
  for (const resource of extracted.resources) {
    findings.push(...options.validateResource(resource, createLocator(resource.node, 0)));
  }
  return { text, shape: extracted.shape, resources: extracted.resources, findings, contentStart };
}

export function analyzeFile(text: string, options: AnalyzeOptions, previous?: AnalyzedFile): AnalyzedFile {
  const lineIndex = createLineIndex(text);
  const optionsKey = `${options.aliasBudget}`;
  const guard = guardFile(text, options.maxFileSizeKB);
  if (guard) return { text, lineIndex, documents: [], findings: [guard], optionsKey };

  const reusable = new Map<string, AnalyzedDocument>();
  if (previous && previous.optionsKey === optionsKey) {
    for (const d of previous.documents) reusable.set(d.analysis.text, d.analysis);
  }
  const documents: PlacedDocument[] = [];
  for (const chunk of splitDocuments(text)) {
    if (options.shouldStop?.()) throw new AnalysisCancelled();
    const analysis = reusable.get(chunk.text) ?? analyzeDocument(chunk.text, options);
    documents.push({ offset: chunk.offset, analysis });
  }

  const findings: Finding[] = [];
  const hasResources = documents.some((d) => d.analysis.resources.length > 0);
  for (const { offset, analysis } of documents) {
    for (const f of analysis.findings) findings.push({ ...f, start: f.start + offset, end: f.end + offset });
    if (hasResources && (analysis.shape === 'sequence' || analysis.shape === 'scalar')) {
      const start = offset + analysis.contentStart;
      const lineEnd = text.indexOf('\n', start);
      findings.push({
        code: 'MM108',
        message: `This document is a ${analysis.shape === 'sequence' ? 'list' : 'plain value'}, not a resource with apiVersion and kind, so it is not validated. Kubernetes tools will reject it in a manifest file.`,
        start,
        end: lineEnd === -1 ? text.length : lineEnd,
      });
    }
  }
  return { text, lineIndex, documents, findings, optionsKey };
}
