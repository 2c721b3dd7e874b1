// How each EnvoyFilter patch is judged (istio/istio envoyfilter.EnvoyPatchAnalyzer):
// ADD and REMOVE do nothing on ROUTE_CONFIGURATION or HTTP_ROUTE; REPLACE works only on
// HTTP_FILTER, NETWORK_FILTER and VIRTUAL_HOST; relative operations (INSERT_BEFORE,
// INSERT_AFTER, REPLACE, REMOVE) depend on the order filters are applied, which is only
// defined with a non-zero `priority` — worse when a filter of the same name is also
// patched under a proxyVersion match.
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { at, list, record, spec, text, type Plain } from './plainValue';

export type PatchProblemCode = 'IST0151' | 'IST0152' | 'IST0153' | 'IST0154' | 'IST0155';

export interface PatchProblem {
  readonly code: PatchProblemCode;
  readonly index: number;
  readonly operation: string;
  readonly applyTo: string;
}

const ROUTE_LEVEL = new Set(['ROUTE_CONFIGURATION', 'HTTP_ROUTE']);
const REPLACEABLE = new Set(['HTTP_FILTER', 'NETWORK_FILTER', 'VIRTUAL_HOST']);

/** The name a patch works on: its value's `name`, else the listener filter it matches. */
function patchedName(patch: Plain): string {
  const value = record(at(patch, 'patch', 'value'));
  if (!value || Object.keys(value).length === 0) return '';
  if (value.name !== undefined) return `value:${text(value.name)}`;
  const filter = text(at(patch, 'match', 'listener', 'filterChain', 'filter', 'name'));
  return filter ? `filter:${filter}` : '';
}

function hasProxyVersion(patch: Plain): boolean {
  return text(at(patch, 'match', 'proxy', 'proxyVersion')) !== '';
}

function patches(ef: IndexedResource): Plain[] {
  const out: Plain[] = [];
  // like istioctl, stop at the first entry without a `patch`
  for (const p of list(spec(ef.resource.value).configPatches)) {
    const r = record(p);
    if (!r || !record(r.patch)) break;
    out.push(r);
  }
  return out;
}

/** EnvoyFilter → names its patches touch under a proxyVersion match. */
function proxyVersionNames(index: WorkspaceIndex): ReadonlyMap<IndexedResource, ReadonlySet<string>> {
  return derivedData(index, 'envoyFilterProxyVersionNames', (ix) => {
    const map = new Map<IndexedResource, Set<string>>();
    for (const ef of ix.ofKind('EnvoyFilter', 'networking.istio.io')) {
      const names = new Set(patches(ef).filter(hasProxyVersion).map(patchedName));
      if (names.size > 0) map.set(ef, names);
    }
    return map;
  });
}

export function patchProblems(index: WorkspaceIndex, ef: IndexedResource): PatchProblem[] {
  const elsewhere = new Set<string>();
  for (const [other, names] of proxyVersionNames(index)) if (other !== ef) for (const n of names) elsewhere.add(n);
  const priority = Number(spec(ef.resource.value).priority) || 0;
  const seen = new Set<string>();
  const out: PatchProblem[] = [];
  patches(ef).forEach((patch, i) => {
    const operation = text(at(patch, 'patch', 'operation'));
    const applyTo = text(patch.applyTo);
    const name = patchedName(patch);
    const relative = () => {
      if (priority !== 0) return;
      out.push({ code: seen.has(name) || elsewhere.has(name) ? 'IST0155' : 'IST0151', index: i, operation, applyTo });
    };
    if (operation === 'ADD') {
      if (ROUTE_LEVEL.has(applyTo)) out.push({ code: 'IST0153', index: i, operation, applyTo });
    } else if (operation === 'REMOVE') {
      if (ROUTE_LEVEL.has(applyTo)) out.push({ code: 'IST0154', index: i, operation, applyTo });
      else relative();
    } else if (operation === 'REPLACE') {
      if (!REPLACEABLE.has(applyTo)) out.push({ code: 'IST0152', index: i, operation, applyTo });
      else relative();
    } else if (operation === 'INSERT_BEFORE' || operation === 'INSERT_AFTER') {
      relative();
    }
    if (hasProxyVersion(patch)) seen.add(name);
  });
  return out;
}
