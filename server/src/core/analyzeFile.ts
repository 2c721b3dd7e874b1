// One file's analysis: guards, split into documents, parse, find resources, validate.
// Each document's result is cached by its text, so after a one-line edit only the edited
// document is parsed and validated again; the rest is reused from the previous result.
import type { Finding } from './finding';
import { BINARY_SAMPLE_LENGTH, guardFile, MAX_NESTING } from './parse/fileGuards';
import { findTemplateAction, neutraliseTemplates } from './parse/helmTemplate';
import { nestingDepth } from './parse/nestingDepth';
import { mentionsDisableComment } from './suppressions';
import { createLineIndex, updateLineIndex, type LineIndex } from './parse/lineIndex';
import { createLocator, type Locator } from './parse/locator';
import { parseChunk } from './parse/parseDocument';
import { extractResources, type DocumentShape, type LazyDocument, type Resource } from './parse/extractResources';
import { hasDirectives, splitDocuments, type DocumentChunk } from './parse/splitDocuments';
import { findChange, type TextChange } from './parse/textChange';
import { PieceText } from './parse/pieceText';
import type { SourceText } from './parse/sourceText';

export type ValidateResource = (resource: Resource, locator: Locator) => Finding[];

export interface AnalyzedDocument {
  readonly text: string;
  readonly shape: DocumentShape;
  readonly resources: readonly Resource[];
  /** Offsets relative to the document's text. */
  readonly findings: readonly Finding[];
  /** Where the document's content starts, relative to its text (for MM108). */
  readonly contentStart: number;
  /** Does the text mention a disable comment? Only such documents are searched for them. */
  readonly mentionsDisable: boolean;
  /** Does the text hold `{{`? Only a file with such a document is searched for template actions. */
  readonly mentionsTemplate: boolean;
}

export interface PlacedDocument {
  readonly offset: number;
  readonly analysis: AnalyzedDocument;
}

export interface AnalyzedFile {
  /** The text analysed: a string, or an editor's document kept in pieces. */
  readonly source: SourceText;
  /** The whole text as one string (for a document in pieces, joined on first use). */
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly documents: readonly PlacedDocument[];
  /** Absolute offsets. */
  readonly findings: readonly Finding[];
  /** Cache key of the options the documents were analysed with. */
  readonly optionsKey: string;
  /** A template (Helm): its resources hold placeholders, so they stay out of the workspace. */
  readonly isTemplate: boolean;
  /** Does a line start with `%` (a YAML directive)? Such a file is always analysed whole. */
  readonly hasDirectives: boolean;
}

export interface AnalyzeOptions {
  readonly maxFileSizeKB: number;
  readonly aliasBudget: number;
  readonly validateResource: ValidateResource;
  /** Anything else the document results depend on (e.g. the user's own schemas). */
  readonly cacheKey?: string;
  /** Checked between documents; when it returns true the analysis stops early. */
  readonly shouldStop?: () => boolean;
}

export class AnalysisCancelled extends Error {}

/**
 * What stays reported in a template file: a field name is never templated, so an unknown
 * field or a duplicate key is real; values, required fields (often filled by an
 * `include`) and syntax around actions are not knowable before rendering.
 */
const TEMPLATE_SAFE_CODES = new Set(['MM101', 'MM103', 'MM110', 'MM200']);

/**
 * A copy of `text` that does not share memory with the file it was sliced from. V8 keeps
 * the whole parent string alive for a slice; cached documents outlive their file version,
 * so without this every edit would retain a full copy of the file.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function analyzeDocument(sliced: string, options: AnalyzeOptions): AnalyzedDocument {
  const text = detached(sliced);
  const mentionsDisable = mentionsDisableComment(text);
  const mentionsTemplate = text.includes('{{');
  if (nestingDepth(text, MAX_NESTING + 1) > MAX_NESTING) {
    return {
      text,
      shape: 'broken',
      resources: [],
      findings: [{ code: 'MM110', message: `This document nests more than ${MAX_NESTING} levels deep, which no real manifest does; it is not analysed. Flatten it.`, start: 0, end: Math.min(1, text.length) }],
      contentStart: 0,
      mentionsDisable,
      mentionsTemplate,
    };
  }
  const parsed = parseChunk(text);
  const findings: Finding[] = [...parsed.findings];
  const contentStart = parsed.contentStart;
  if (parsed.findings.some((f) => f.code === 'MM110')) {
    return { text, shape: 'broken', resources: [], findings, contentStart, mentionsDisable, mentionsTemplate };
  }
  // a value the fast parser built comes without nodes (parsed.doc builds them on first use)
  const extracted = extractResources('value' in parsed ? (parsed as LazyDocument) : parsed.doc, options.aliasBudget, text);
  findings.push(...extracted.findings);
  // A document with syntax errors still gets schema checks: the parser recovers well, and
  // the user should see both. Its resources are kept for the workspace. But a schema
  // finding on a line the parser already complained about is the same mistake seen twice
  // (a tab-indented key lands in the wrong mapping), so it is left out.
  const brokenLines = new Set(parsed.findings.filter((f) => f.severity !== 'warning').map((f) => lineOf(text, f.start)));
  for (const resource of extracted.resources) {
    for (const finding of options.validateResource(resource, createLocator(() => resource.node, 0))) {
      if (brokenLines.size === 0 || !brokenLines.has(lineOf(text, finding.start))) findings.push(finding);
    }
  }
  return { text, shape: extracted.shape, resources: extracted.resources, findings, contentStart, mentionsDisable, mentionsTemplate };
}

const NO_FINDINGS: readonly Finding[] = [];
/** A document's findings at absolute offsets, made once per placed document (an edit keeps the placed documents it does not move). */
const placedCache = new WeakMap<PlacedDocument, readonly Finding[]>();
function placedFindings(placed: PlacedDocument): readonly Finding[] {
  const { offset, analysis } = placed;
  if (analysis.findings.length === 0) return NO_FINDINGS;
  let found = placedCache.get(placed);
  if (!found) {
    found = analysis.findings.map((f) => ({ ...f, start: f.start + offset, end: f.end + offset }));
    placedCache.set(placed, found);
  }
  return found;
}

/** Index of the document holding `offset` (the last one starting at or before it). */
function documentAt(documents: readonly PlacedDocument[], offset: number): number {
  let low = 0;
  let high = documents.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (documents[mid].offset <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

interface SplitPlan {
  /** Documents kept from the previous analysis, already placed in the new text. */
  readonly before: readonly PlacedDocument[];
  readonly after: readonly PlacedDocument[];
  /** The chunks to analyse (or find among `reusable`). */
  readonly chunks: readonly DocumentChunk[];
  readonly reusable: readonly PlacedDocument[];
}

/**
 * After one edit, only the documents the changed span touches are split and analysed again.
 * A `---` marker needs a line break before it and a space or line break after it, so an edit
 * next to a marker takes the document before it too; the documents after the span keep their analysis and move by the change in
 * length. The split of the taken span is exactly what splitting the whole text would give:
 * it starts where a document starts and ends where an unchanged marker starts.
 */
function planAfterEdit(previous: AnalyzedFile, text: SourceText, change: TextChange): SplitPlan {
  const old = previous.documents;
  // a document's start stays a start while its `---`, the character after it and the line
  // break before it are untouched
  let first = documentAt(old, Math.max(0, change.start - 1));
  while (first > 0 && change.start < old[first].offset + 4) first--;
  const last = Math.max(first, documentAt(old, Math.min(change.oldEnd, previous.source.length - 1)));
  const start = old[first].offset;
  const delta = change.newEnd - change.oldEnd;
  const end = last + 1 < old.length ? old[last + 1].offset + delta : text.length;
  const chunks = splitDocuments(text.slice(start, end)).map((c) => ({ text: c.text, offset: c.offset + start }));
  return {
    before: old.slice(0, first),
    after: delta === 0 ? old.slice(last + 1) : old.slice(last + 1).map((d) => ({ offset: d.offset + delta, analysis: d.analysis })),
    chunks,
    reusable: old.slice(first, last + 1),
  };
}

function planWhole(text: string, previous: AnalyzedFile | undefined): SplitPlan {
  return { before: [], after: [], chunks: splitDocuments(text), reusable: previous?.documents ?? [] };
}

function canUpdate(previous: AnalyzedFile | undefined, optionsKey: string): previous is AnalyzedFile {
  return previous !== undefined && previous.optionsKey === optionsKey && previous.documents.length > 0 && !previous.isTemplate && !previous.hasDirectives;
}

/** What changed between two versions; undefined when they are the same text. */
function changeBetween(old: SourceText, now: SourceText): TextChange | undefined {
  if (old === now) return undefined;
  // an editor's document knows the spans its edits replaced: no need to compare the texts
  if (now instanceof PieceText && old instanceof PieceText) return now.changeSince(old);
  return findChange(String(old), String(now));
}

/** Could the file hold a template action? Only if one of its documents holds `{{`. */
function mayHoldTemplate(plan: SplitPlan): boolean {
  return plan.chunks.some((c) => c.text.includes('{{')) || plan.before.some((d) => d.analysis.mentionsTemplate) || plan.after.some((d) => d.analysis.mentionsTemplate);
}

function fileResult(source: SourceText, fields: Omit<AnalyzedFile, 'source' | 'text'>): AnalyzedFile {
  return {
    ...fields,
    source,
    get text() {
      return String(source);
    },
  };
}

/**
 * Analyses a file's text; with the analysis of an earlier version, only the documents an
 * edit touched are parsed again. `text` may be an editor's document kept in pieces: after
 * an edit only the span to re-parse is read, and the whole text is never joined.
 */
export function analyzeFile(text: string | SourceText, options: AnalyzeOptions, previous?: AnalyzedFile): AnalyzedFile {
  const change = previous ? changeBetween(previous.source, text) : undefined;
  const lineIndex =
    text instanceof PieceText ? text.lineIndex : previous && change ? updateLineIndex(previous.lineIndex, text, change) : previous ? previous.lineIndex : createLineIndex(text);
  const optionsKey = `${options.aliasBudget}|${options.cacheKey ?? ''}`;
  // a previous version that was analysed passed the binary check; an edit past its sample keeps that answer
  const sampleAlreadyText = change !== undefined && change.start >= BINARY_SAMPLE_LENGTH && previous!.documents.length > 0;
  const guard = guardFile(text, options.maxFileSizeKB, sampleAlreadyText);
  if (guard) return fileResult(text, { lineIndex, documents: [], findings: [guard], optionsKey, isTemplate: false, hasDirectives: false });

  // After an edit, only the re-split span can have gained a directive or a `{{`: the rest
  // was searched when first analysed. Anything else is split whole.
  let plan = change && canUpdate(previous, optionsKey) ? planAfterEdit(previous, text, change) : undefined;
  if (plan && plan.chunks.some((c) => hasDirectives(c.text))) plan = undefined;
  const template = !plan || mayHoldTemplate(plan) ? findTemplateAction(String(text)) : undefined;
  let directives = false;
  if (template || !plan) {
    const analysed = template ? neutraliseTemplates(String(text)) : String(text);
    directives = hasDirectives(analysed);
    plan = planWhole(analysed, previous?.optionsKey === optionsKey ? previous : undefined);
  }
  const reusable = new Map<string, AnalyzedDocument>();
  for (const d of plan.reusable) reusable.set(d.analysis.text, d.analysis);
  const documents: PlacedDocument[] = [...plan.before];
  for (const chunk of plan.chunks) {
    if (options.shouldStop?.()) throw new AnalysisCancelled();
    const analysis = reusable.get(chunk.text) ?? analyzeDocument(chunk.text, options);
    documents.push({ offset: chunk.offset, analysis });
  }
  documents.push(...plan.after);

  const findings: Finding[] = template ? [template] : [];
  const hasResources = documents.some((d) => d.analysis.resources.length > 0);
  for (const placed of documents) {
    const { offset, analysis } = placed;
    for (const f of placedFindings(placed)) {
      if (!template || TEMPLATE_SAFE_CODES.has(f.code)) findings.push(f);
    }
    if (!template && hasResources && (analysis.shape === 'sequence' || analysis.shape === 'scalar')) {
      // a document other than the last ends before a `---` line, so its content line ends in it
      const lineEnd = analysis.text.indexOf('\n', analysis.contentStart);
      findings.push({
        code: 'MM108',
        message: `This document is a ${analysis.shape === 'sequence' ? 'list' : 'plain value'}, not a resource with apiVersion and kind, so it is not validated. Kubernetes tools will reject it in a manifest file.`,
        start: offset + analysis.contentStart,
        end: offset + (lineEnd === -1 ? analysis.text.length : lineEnd),
      });
    }
  }
  return fileResult(text, { lineIndex, documents, findings, optionsKey, isTemplate: template !== undefined, hasDirectives: directives });
}
