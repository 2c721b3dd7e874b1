// IST0109 on mesh-bound VirtualServices (no `gateways`, or `mesh` among them) whose hosts
// overlap where both are visible (their exportTo scopes meet): sidecars then pick one of
// them arbitrarily. Wildcard hosts overlap the hosts they cover.
import { derivedData } from '../workspace/derivedIndex';
import { perEntry } from '../workspace/entryMemo';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { ALL_NAMESPACES, exportScopes } from './exportTo';
import { MESH_GATEWAY } from './gatewayReferences';
import { hostsMatch, isWildcard, toFqdn } from './istioHosts';
import { displayName, findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { spec, strings } from './plainValue';
import { gatewaysOf } from './virtualServiceDestinations';

interface MeshHost {
  readonly vs: IndexedResource;
  readonly hostIndex: number;
  readonly fqdn: string;
  readonly scopes: readonly string[];
}

function scopesMeet(a: readonly string[], b: readonly string[]): boolean {
  return a.includes(ALL_NAMESPACES) || b.includes(ALL_NAMESPACES) || a.some((s) => b.includes(s));
}

/** The hosts of a mesh-bound VirtualService (none for one bound to gateways only). */
function meshHosts(vs: IndexedResource): MeshHost[] {
  const gateways = gatewaysOf(vs.resource.value);
  if (gateways.length > 0 && !gateways.includes(MESH_GATEWAY)) return [];
  const s = spec(vs.resource.value);
  const scopes = exportScopes(strings(s.exportTo), vs.namespace);
  return strings(s.hosts).map((h, hostIndex) => ({ vs, hostIndex, fqdn: toFqdn(vs.namespace, h), scopes }));
}

/** For each mesh-bound VirtualService: host index → the other VirtualServices it clashes with. */
function conflicts(index: WorkspaceIndex): ReadonlyMap<IndexedResource, Map<number, string[]>> {
  return derivedData(index, 'meshHostConflicts', (ix) => {
    const exact = new Map<string, MeshHost[]>();
    const wildcards: MeshHost[] = [];
    const all: MeshHost[] = [];
    for (const vs of ix.ofKind('VirtualService', NETWORKING)) {
      for (const entry of perEntry(vs, 'meshHostConflict.hosts', meshHosts)) {
        all.push(entry);
        if (isWildcard(entry.fqdn)) wildcards.push(entry);
        const bucket = exact.get(entry.fqdn);
        if (bucket) bucket.push(entry);
        else exact.set(entry.fqdn, [entry]);
      }
    }
    const result = new Map<IndexedResource, Map<number, string[]>>();
    for (const a of all) {
      const candidates = isWildcard(a.fqdn) ? all : [...(exact.get(a.fqdn) ?? []), ...wildcards];
      const others = new Set<string>();
      for (const b of candidates) {
        if (b.vs === a.vs || !scopesMeet(a.scopes, b.scopes) || !hostsMatch(a.fqdn, b.fqdn)) continue;
        others.add(displayName('VirtualService', b.vs.namespace, b.vs.resource.name));
      }
      if (others.size === 0) continue;
      const perVs = result.get(a.vs) ?? new Map<number, string[]>();
      perVs.set(a.hostIndex, [...others].sort());
      result.set(a.vs, perVs);
    }
    return result;
  });
}

export const virtualServiceMeshHostConflict: IstioRule = {
  code: 'IST0109',
  defaultSeverity: 'error',
  analyzers: ['virtualservice.ConflictingMeshGatewayHostsAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const mine = conflicts(ctx.index).get(ctx.resource);
    if (!mine) return [];
    const hosts = strings(spec(ctx.resource.resource.value).hosts);
    // one finding per VirtualService, like istioctl, at its first clashing host
    const [first] = [...mine.keys()].sort((a, b) => a - b);
    const clashes = [...mine].map(([i, others]) => `\`${hosts[i]}\` with ${others.join(', ')}`).join('; ');
    return [findingAt(ctx, 'IST0109', ['spec', 'hosts', first], `Mesh routing for these hosts is also defined elsewhere (${clashes}); sidecars apply only one VirtualService per host. Merge the routes into one VirtualService, or narrow \`hosts\`/\`exportTo\` so they do not overlap.`, 'value')];
  },
};
