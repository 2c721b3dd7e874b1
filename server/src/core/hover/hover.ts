// The hover façade: what is under the cursor decides the answer — a mesh annotation, the
// kind, a reference to another resource (with a preview), or any other field (our docs plus
// the schema's facts). Pure: the schema registry, the workspace index and the cost line come in.
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../analyzeFile';
import type { SchemaRegistry } from '../schema/registry';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { annotationHoverMarkdown, annotationName } from './annotationHover';
import { cursorTarget } from './cursorTarget';
import { fieldHoverMarkdown, kindHoverMarkdown } from './fieldHover';
import { referencePreview } from './referenceHover';

/** The cost core's one-line proxy cost for the workload at `offset` of `uri`. */
export type CostLine = (uri: string, offset: number) => string | undefined;

export interface HoverContext {
  readonly uri: string;
  readonly registry?: SchemaRegistry;
  /** For reference previews; without it, references get only their field docs. */
  readonly index?: WorkspaceIndex;
  /** Shown on proxy resource annotations. */
  readonly costLine?: CostLine;
}

function trimIndexes<T>(path: readonly T[]): T[] {
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === 'number') end--;
  return path.slice(0, end);
}

const REPLICAS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

export function meshHover(file: AnalyzedFile, offset: number, ctx: HoverContext): Hover | null {
  const target = cursorTarget(file, offset);
  if (!target) return null;
  const { resource } = target;
  let markdown: string | undefined;
  if (annotationName(target.path) !== undefined) {
    markdown = annotationHoverMarkdown({ path: target.path, kind: resource.kind, costLine: ctx.costLine && (() => ctx.costLine?.(ctx.uri, offset)) });
  }
  if (markdown === undefined && target.on === 'value' && target.path.length === 1 && target.path[0] === 'kind') {
    markdown = kindHoverMarkdown(resource);
  }
  if (markdown === undefined) {
    const field = fieldHoverMarkdown(resource, trimIndexes(target.path), ctx.registry);
    const preview = ctx.index ? referencePreview(target, ctx.index) : undefined;
    markdown = preview && field ? `${preview}\n\n---\n\n${field}` : (preview ?? field);
    // replicas multiply the proxy: the cost core prices that too
    const cost = REPLICAS.has(resource.kind) && target.path.length === 2 && target.path[0] === 'spec' && target.path[1] === 'replicas' ? ctx.costLine?.(ctx.uri, offset) : undefined;
    if (cost) markdown = markdown ? `${markdown}\n\n---\n\n${cost}` : cost;
  }
  if (markdown === undefined) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: { start: file.lineIndex.positionAt(target.start), end: file.lineIndex.positionAt(target.end) },
  };
}
