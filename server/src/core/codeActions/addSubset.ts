// "Add subset `v2` to DestinationRule prod/reviews" for IST0101 on a VirtualService route's
// `subset`: appends `- name: v2 / labels: version: v2` to the subsets of the DestinationRule
// for the route's host (in whichever file it is), adding `subsets:` when there is none; with
// no DestinationRule for the host, a new one goes at the end of this file. The `version`
// label is the convention Istio's samples use; the user adjusts it if theirs differs.
import { isMap, isSeq, type Node } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../analyzeFile';
import type { LineIndex } from '../parse/lineIndex';
import { destinationRulesFor, valueAt } from '../completion/meshReferences';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import type { FixData } from './fixData';
import { contentEnd, pairAtPath, resourceAt, valuePathAt } from './yamlNodes';

const ROUTE_SUBSET = /^spec\.(http|tcp|tls)\.\d+\.route\.\d+\.destination\.subset$|^spec\.http\.\d+\.(mirror|mirrors\.\d+\.destination)\.subset$/;
const UNIT = 2;

function subsetBlock(column: number, name: string): string {
  const pad = ' '.repeat(column);
  return `${pad}- name: ${name}\n${pad}  labels:\n${pad}${' '.repeat(UNIT)}  version: ${name}\n`;
}

/** Offset → position in a file we only have the line index of; a line past the end means its end. */
function lineAfter(lines: LineIndex, offset: number): { position: { line: number; character: number }; newlineFirst: boolean } {
  const line = lines.positionAt(Math.max(0, offset - 1)).line;
  if (line + 1 < lines.lineCount) return { position: { line: line + 1, character: 0 }, newlineFirst: false };
  return { position: lines.positionAt(Number.MAX_SAFE_INTEGER), newlineFirst: true };
}

function insertion(lines: LineIndex, offset: number, block: string): TextEdit {
  const { position, newlineFirst } = lineAfter(lines, offset);
  const text = newlineFirst ? `\n${block.replace(/\n$/, '')}` : block;
  return { range: { start: position, end: position }, newText: text };
}

/** The edit adding subset `name` to the DestinationRule `dr`, or undefined for a layout we do not edit. */
function editForRule(dr: IndexedResource, lines: LineIndex, name: string): TextEdit | undefined {
  const node = dr.resource.node;
  const at = (offset: number) => lines.positionAt(dr.base + offset);
  const subsets = pairAtPath(node, ['spec', 'subsets']);
  if (subsets) {
    const value = subsets.value;
    if (isSeq(value) && value.flow) {
      const close = value.range ? value.range[1] - 1 : undefined;
      if (close === undefined) return undefined;
      const entry = `{name: ${name}, labels: {version: ${name}}}`;
      return { range: { start: at(close), end: at(close) }, newText: value.items.length ? `, ${entry}` : entry };
    }
    if (isSeq(value) && value.items.length > 0 && value.range) {
      const end = contentEnd(value);
      return end === undefined ? undefined : insertion(lines, dr.base + end, subsetBlock(at(value.range[0]).character, name));
    }
    const key = subsets.pair?.key as Node | undefined;
    if ((value === null || value === undefined || (value as { value?: unknown }).value === null) && key?.range) {
      return insertion(lines, dr.base + key.range[1], subsetBlock(at(key.range[0]).character, name));
    }
    return undefined;
  }
  const spec = pairAtPath(node, ['spec'])?.value;
  if (!isMap(spec) || spec.flow || spec.items.length === 0) return undefined;
  const first = spec.items[0].key as Node | undefined;
  const end = contentEnd(spec);
  if (!first?.range || end === undefined) return undefined;
  const column = at(first.range[0]).character;
  return insertion(lines, dr.base + end, `${' '.repeat(column)}subsets:\n${subsetBlock(column, name)}`);
}

function newRule(file: AnalyzedFile, host: string, namespace: string | undefined, name: string): TextEdit {
  const base = host.split('.')[0].toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '') || 'destination';
  const text = [
    '---',
    'apiVersion: networking.istio.io/v1',
    'kind: DestinationRule',
    'metadata:',
    `  name: ${base}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    `  host: ${host}`,
    '  subsets:',
    subsetBlock(2, name).replace(/\n$/, ''),
    '',
  ].join('\n');
  const end = file.lineIndex.positionAt(file.source.length);
  return { range: { start: end, end }, newText: file.text.endsWith('\n') || file.text === '' ? text : `\n${text}` };
}

export function addSubsetFix(uri: string, file: AnalyzedFile, diagnostic: Diagnostic, data: FixData, index: WorkspaceIndex | undefined): CodeAction | undefined {
  const start = file.lineIndex.offsetAt(diagnostic.range.start);
  const placed = resourceAt(file, start);
  if (!placed || placed.resource.kind !== 'VirtualService') return undefined;
  const path = valuePathAt(placed.resource.node, start - placed.base);
  if (!data.addSubset && (!path || !ROUTE_SUBSET.test(path.join('.')))) return undefined;
  const holder = path ? valueAt(placed.resource.value, ...path.slice(0, -1)) : undefined;
  const host = data.addSubset?.host ?? valueAt(holder, 'host');
  const name = data.addSubset?.name ?? (path ? valueAt(placed.resource.value, ...path) : undefined);
  if (typeof host !== 'string' || !host || typeof name !== 'string' || !name) return undefined;
  const namespace = placed.resource.namespace ?? index?.defaultNamespace ?? 'default';

  const rules = index ? destinationRulesFor(index, namespace, host) : [];
  const dr = rules[0];
  let edit: TextEdit | undefined;
  let target = uri;
  let title: string;
  if (dr) {
    const lines = dr.uri === uri ? file.lineIndex : index?.lineIndex(dr.uri);
    if (!lines) return undefined;
    edit = editForRule(dr, lines, name);
    target = dr.uri;
    title = `Add subset \`${name}\` to DestinationRule ${dr.namespace}/${dr.resource.name ?? ''}`;
  } else {
    edit = newRule(file, host, placed.resource.namespace, name);
    title = `Create a DestinationRule for \`${host}\` with subset \`${name}\``;
  }
  if (!edit) return undefined;
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [target]: [edit] } } };
}
