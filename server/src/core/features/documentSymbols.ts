// The outline: one entry per resource, `Kind/name` (with its namespace as detail), so a
// long multi-document file can be navigated; and the same list across the workspace.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../analyzeFile';
import type { LineIndex } from '../parse/lineIndex';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

function rangeOf(lineIndex: LineIndex, start: number, end: number) {
  return { start: lineIndex.positionAt(start), end: lineIndex.positionAt(end) };
}

export function documentSymbols(file: AnalyzedFile): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const { offset, analysis } of file.documents) {
    for (const resource of analysis.resources) {
      const range = resource.node.range;
      if (!range) continue;
      const full = rangeOf(file.lineIndex, offset + range[0], offset + range[2]);
      symbols.push({
        name: `${resource.kind}/${resource.name ?? '(unnamed)'}`,
        detail: resource.namespace ? `${resource.namespace} · ${resource.apiVersion}` : resource.apiVersion,
        kind: SymbolKind.Object,
        range: full,
        selectionRange: { start: full.start, end: full.start },
      });
    }
  }
  return symbols;
}

export function workspaceSymbols(index: WorkspaceIndex, query: string, limit = 500): SymbolInformation[] {
  const needle = query.toLowerCase();
  const result: SymbolInformation[] = [];
  for (const entry of index.all()) {
    const name = `${entry.resource.kind}/${entry.resource.name ?? '(unnamed)'}`;
    if (needle && !name.toLowerCase().includes(needle) && !entry.namespace.toLowerCase().includes(needle)) continue;
    const lines = index.lineIndex(entry.uri);
    const range = entry.resource.node.range;
    if (!lines || !range) continue;
    result.push({ name, kind: SymbolKind.Object, containerName: entry.namespace || undefined, location: { uri: entry.uri, range: rangeOf(lines, entry.base + range[0], entry.base + range[2]) } });
    if (result.length >= limit) break;
  }
  return result;
}
