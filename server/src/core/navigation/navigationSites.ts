// The places in the workspace that name something (references) and the places that
// declare it (definitions), keyed by what they name, so go to definition and find
// references are two map lookups. Built once per index generation (derivedIndex.ts) from
// the same resolvers the rules use, so navigation and diagnostics agree on what a
// reference points to.
import type { Span } from '../finding';
import { isCollection, isPair, type Node } from 'yaml';
import { createLocator, type JsonPath, type Locator } from '../parse/locator';
import { derived } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';

export interface Site extends Span {
  readonly uri: string;
  /** Keys this text declares (a resource's name, a subset name). */
  readonly defines: readonly string[];
  /** Keys this text refers to (a host, a subset, a parentRef, the workloads a selector picks). */
  readonly refers: readonly string[];
}

export interface SiteSink {
  readonly entry: IndexedResource;
  readonly locator: Locator;
  readonly index: WorkspaceIndex;
  /** The value at `path` declares `keys`. */
  define(path: JsonPath, keys: readonly string[], on?: 'key' | 'value'): void;
  /** The value at `path` refers to `keys` (nothing is recorded when `keys` is empty). */
  refer(path: JsonPath, keys: readonly string[], on?: 'key' | 'value'): void;
  /** From the key at `path` to the end of its value refers to `keys` (selectors). */
  referBlock(path: JsonPath, keys: readonly string[]): void;
}

export type SiteCollector = (sink: SiteSink) => void;

export function resourceKey(r: IndexedResource): string {
  return objectKey(r.group, r.resource.kind, r.namespace, r.resource.name ?? '');
}

export function objectKey(group: string, kind: string, namespace: string, name: string): string {
  return `resource|${group}|${kind}|${kind === 'Namespace' ? '' : namespace}|${name}`;
}

/**
 * Where a node's text ends, without the line break and indentation a block collection's
 * range takes in up to the next key: the end of its last item, recursively.
 */
function contentEnd(node: unknown): number | undefined {
  if (isPair(node)) return contentEnd(node.value ?? node.key);
  if (isCollection(node) && !node.flow && node.items.length > 0) return contentEnd(node.items[node.items.length - 1]);
  return (node as Node | null)?.range?.[1];
}

export interface SiteModel {
  readonly byUri: ReadonlyMap<string, readonly Site[]>;
  readonly definitions: ReadonlyMap<string, readonly Site[]>;
  readonly references: ReadonlyMap<string, readonly Site[]>;
}

function push(map: Map<string, Site[]>, key: string, site: Site): void {
  const list = map.get(key);
  if (list) list.push(site);
  else map.set(key, [site]);
}

export function buildSites(index: WorkspaceIndex, collectors: readonly SiteCollector[]): SiteModel {
  const spans = new Map<string, { uri: string; start: number; end: number; defines: Set<string>; refers: Set<string> }>();
  const at = (uri: string, span: Span | undefined) => {
    if (!span) return undefined;
    const id = `${uri}|${span.start}|${span.end}`;
    let site = spans.get(id);
    if (!site) spans.set(id, (site = { uri, start: span.start, end: span.end, defines: new Set(), refers: new Set() }));
    return site;
  };
  for (const uri of index.uris()) {
    for (const entry of index.inFile(uri)) {
      const locator = createLocator(entry.resource.node, entry.base);
      const spanOf = (path: JsonPath, on: 'key' | 'value') => (on === 'key' ? locator.key(path) : locator.value(path));
      const sink: SiteSink = {
        entry,
        locator,
        index,
        define(path, keys, on = 'value') {
          if (keys.length === 0) return;
          const site = at(uri, spanOf(path, on));
          for (const k of keys) site?.defines.add(k);
        },
        refer(path, keys, on = 'value') {
          if (keys.length === 0) return;
          const site = at(uri, spanOf(path, on));
          for (const k of keys) site?.refers.add(k);
        },
        referBlock(path, keys) {
          if (keys.length === 0) return;
          const key = locator.key(path);
          const end = contentEnd(locator.node(path));
          if (!key || end === undefined) return;
          const site = at(uri, { start: key.start, end: Math.max(key.end, entry.base + end) });
          for (const k of keys) site?.refers.add(k);
        },
      };
      for (const collect of collectors) collect(sink);
    }
  }
  const byUri = new Map<string, Site[]>();
  const definitions = new Map<string, Site[]>();
  const references = new Map<string, Site[]>();
  for (const raw of spans.values()) {
    const site: Site = { uri: raw.uri, start: raw.start, end: raw.end, defines: [...raw.defines], refers: [...raw.refers] };
    push(byUri, site.uri, site);
    for (const k of site.defines) push(definitions, k, site);
    for (const k of site.refers) push(references, k, site);
  }
  return { byUri, definitions, references };
}

export function siteModel(index: WorkspaceIndex, collectors: readonly SiteCollector[]): SiteModel {
  return derived(index, 'navigation.sites', (ix) => buildSites(ix, collectors));
}

/** The innermost site of `uri` containing `offset` (a cursor just after a name still counts). */
export function siteAt(model: SiteModel, uri: string, offset: number): Site | undefined {
  let best: Site | undefined;
  for (const site of model.byUri.get(uri) ?? []) {
    if (offset < site.start || offset > site.end) continue;
    if (!best || site.end - site.start < best.end - best.start) best = site;
  }
  return best;
}
