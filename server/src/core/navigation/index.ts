// Go to definition and find references over the workspace index, as LSP Locations. Pure:
// the caller hands in the index (whose line indexes map offsets to positions) and the
// request position. Definition on a reference lists what it resolves to; on a declaration
// (a resource name, a subset name) it lists the declaration itself. References list every
// place referring to what the position names or declares.
import type { Location } from 'vscode-languageserver-types';
import type { Position } from '../parse/lineIndex';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { consulSites } from './consulSites';
import { istioSites } from './istioSites';
import { resourceKey, siteAt, siteModel, type Site, type SiteCollector, type SiteModel } from './navigationSites';
import { routeSites } from './routeSites';
import { selectorSites } from './selectorSites';

/** Every resource's `metadata.name` declares the resource. */
const resourceNames: SiteCollector = (sink) => {
  if (sink.entry.resource.name) sink.define(['metadata', 'name'], [resourceKey(sink.entry)]);
};

export const COLLECTORS: readonly SiteCollector[] = [resourceNames, istioSites, routeSites, consulSites, selectorSites];

function model(index: WorkspaceIndex): SiteModel {
  return siteModel(index, COLLECTORS);
}

function toLocations(index: WorkspaceIndex, sites: Iterable<Site>): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const site of sites) {
    const id = `${site.uri}|${site.start}|${site.end}`;
    const lines = index.lineIndex(site.uri);
    if (seen.has(id) || !lines) continue;
    seen.add(id);
    out.push({ uri: site.uri, range: { start: lines.positionAt(site.start), end: lines.positionAt(site.end) } });
  }
  return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}

function siteAtPosition(index: WorkspaceIndex, uri: string, position: Position): Site | undefined {
  const lines = index.lineIndex(uri);
  return lines ? siteAt(model(index), uri, lines.offsetAt(position)) : undefined;
}

export function definitionLocations(index: WorkspaceIndex, uri: string, position: Position): Location[] {
  const site = siteAtPosition(index, uri, position);
  if (!site) return [];
  if (site.refers.length === 0) return toLocations(index, [site]);
  const m = model(index);
  return toLocations(index, site.refers.flatMap((k) => m.definitions.get(k) ?? []));
}

export function referenceLocations(index: WorkspaceIndex, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const site = siteAtPosition(index, uri, position);
  if (!site) return [];
  const m = model(index);
  // What the position declares and what it resolves to: on a reference, the other places
  // naming the same thing; on a name that is both (a ServiceSplitter's name is the Consul
  // service it configures), both.
  const keys = new Set([...site.defines, ...site.refers]);
  const found: Site[] = [];
  for (const k of keys) {
    found.push(...(m.references.get(k) ?? []));
    if (includeDeclaration) found.push(...(m.definitions.get(k) ?? []));
  }
  return toLocations(index, found);
}
