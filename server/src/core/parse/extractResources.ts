// Finds the Kubernetes-style resources in one parsed document: the document itself when it
// has `apiVersion` and `kind`, or each item of a `kind: List`. Aliases are expanded here,
// once, under a per-document budget, so an alias bomb costs one finding, not a freeze.
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node, type YAMLMap } from 'yaml';
import type { Finding } from '../finding';
import type { JsonPath } from './locator';

export interface Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  /** The plain value of the whole resource (aliases expanded). */
  readonly value: Record<string, unknown>;
  /** The resource's node; its ranges are relative to the chunk. */
  readonly node: Node;
  /** Where the resource sits in its document: [] or ['items', i]. */
  readonly path: JsonPath;
  /** The text of the YAML document the resource is in; node ranges index into it. */
  readonly documentText: string;
}

export type DocumentShape = 'empty' | 'resource' | 'mapping' | 'sequence' | 'scalar' | 'broken';

export interface ExtractedResources {
  readonly shape: DocumentShape;
  readonly resources: readonly Resource[];
  readonly findings: readonly Finding[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstAliasSpan(doc: Document.Parsed): { start: number; end: number } {
  let span = { start: 0, end: 1 };
  visit(doc, {
    Alias(_key, node) {
      if (node.range) span = { start: node.range[0], end: node.range[1] };
      return visit.BREAK;
    },
  });
  return span;
}

function stringField(value: Record<string, unknown>, key: string): string | undefined {
  const v = value[key];
  return typeof v === 'string' ? v : undefined;
}

/** `node` may be a function that builds it: then it is built on first read of `resource.node`, once. */
function toResource(value: unknown, node: Node | (() => Node), path: JsonPath, documentText: string): Resource | undefined {
  if (!isRecord(value)) return undefined;
  const apiVersion = stringField(value, 'apiVersion');
  const kind = stringField(value, 'kind');
  if (!apiVersion || !kind) return undefined;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const fields = { apiVersion, kind, name: stringField(metadata, 'name'), namespace: stringField(metadata, 'namespace'), value, path, documentText };
  if (typeof node !== 'function') return { ...fields, node };
  let built: Node | undefined;
  return Object.defineProperty(fields, 'node', { get: () => (built ??= node()), enumerable: true }) as Resource;
}

/** A document the fast parser read: its value, and its nodes on demand (parseDocument.ts). */
export interface LazyDocument {
  readonly value: unknown;
  readonly doc: Document.Parsed;
}

/** The resources of a document whose value is known without its nodes; the nodes are built only if a resource's node is read. */
function extractKnown(parsed: LazyDocument, documentText: string): ExtractedResources {
  const { value } = parsed;
  if (Array.isArray(value)) return { shape: 'sequence', resources: [], findings: [] };
  if (!isRecord(value)) return { shape: 'broken', resources: [], findings: [] };
  const contents = () => parsed.doc.contents as YAMLMap<unknown, unknown>;
  const own = toResource(value, contents, [], documentText);
  if (own && own.kind === 'List' && Array.isArray(value.items)) {
    const resources: Resource[] = [];
    value.items.forEach((item, i) => {
      const resource = toResource(item, () => (contents().get('items', true) as unknown as { items: Node[] }).items[i], ['items', i], documentText);
      if (resource) resources.push(resource);
    });
    return { shape: 'resource', resources, findings: [] };
  }
  if (own) return { shape: 'resource', resources: [own], findings: [] };
  return withoutResource(value, contents);
}

/** A mapping that is not a resource: MM109 when it looks like one missing apiVersion or kind. */
function withoutResource(value: Record<string, unknown>, contents: () => YAMLMap<unknown, unknown>): ExtractedResources {
  const hasApiVersion = typeof value.apiVersion === 'string';
  const hasKind = typeof value.kind === 'string';
  if (hasApiVersion !== hasKind && (hasApiVersion || isRecord(value.metadata))) {
    const missing = hasApiVersion ? 'kind' : 'apiVersion';
    const map = contents();
    const present = map.items.find((p) => isScalar(p.key) && p.key.value === (hasApiVersion ? 'apiVersion' : 'kind'));
    const range = (present?.key as Node | undefined)?.range ?? map.range ?? [0, 1];
    return {
      shape: 'mapping',
      resources: [],
      findings: [{ code: 'MM109', message: `This looks like a Kubernetes resource but has no \`${missing}\`; add it so the resource can be checked.`, start: range[0], end: range[1] }],
    };
  }
  return { shape: 'mapping', resources: [], findings: [] };
}

/** `doc` may be a document whose value is already known (LazyDocument): its nodes are then left unbuilt. */
export function extractResources(doc: Document.Parsed | LazyDocument, aliasBudget: number, documentText = ''): ExtractedResources {
  if (!('contents' in doc)) return extractKnown(doc, documentText);
  const contents = doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return { shape: 'empty', resources: [], findings: [] };
  }
  if (isSeq(contents)) return { shape: 'sequence', resources: [], findings: [] };
  if (!isMap(contents)) return { shape: isAlias(contents) ? 'broken' : 'scalar', resources: [], findings: [] };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: aliasBudget });
  } catch (error) {
    if (error instanceof ReferenceError && /alias count/i.test(error.message)) {
      return {
        shape: 'broken',
        resources: [],
        findings: [{ code: 'MM103', message: `Expanding the aliases in this document would exceed the budget of ${aliasBudget} nodes (mumbaiMesh.aliasBudget), so it is not analysed. Is this an alias bomb?`, ...firstAliasSpan(doc) }],
      };
    }
    // unresolved aliases and overly deep nesting are already reported by parseChunk
    return { shape: 'broken', resources: [], findings: [] };
  }
  if (!isRecord(value)) return { shape: 'broken', resources: [], findings: [] };

  const own = toResource(value, contents, [], documentText);
  if (own && own.kind === 'List' && Array.isArray(value.items)) {
    const itemsNode = contents.get('items', true);
    const resources: Resource[] = [];
    if (isSeq(itemsNode)) {
      value.items.forEach((item, i) => {
        const node = itemsNode.items[i] as Node | undefined;
        const resource = node && toResource(item, node, ['items', i], documentText);
        if (resource) resources.push(resource);
      });
    }
    return { shape: 'resource', resources, findings: [] };
  }
  if (own) return { shape: 'resource', resources: [own], findings: [] };
  return withoutResource(value, () => contents);
}
