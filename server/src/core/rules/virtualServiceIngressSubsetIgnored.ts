// IST0140 on a gateway-bound VirtualService route without a subset when a mesh
// VirtualService for the same host routes by subset: traffic entering through the
// gateway goes straight to the host and skips those subset rules.
import type { Finding } from '../finding';
import { derivedData } from '../workspace/derivedIndex';
import { perEntry } from '../workspace/entryMemo';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { displayName, findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { list, record, spec, strings, text } from './plainValue';
import { gatewaysOf, routeDestinations } from './virtualServiceDestinations';

/** Destination host → VirtualServices that route that host (one of their own) by subset. */
/** The VirtualService's own hosts it routes by subset (http routes), in route order. */
function ownHostsRoutedBySubset(vs: IndexedResource): string[] {
  const own = new Set(strings(spec(vs.resource.value).hosts));
  const out: string[] = [];
  for (const d of routeDestinations(vs.resource.value)) {
    if (d.path[1] !== 'http' || !d.subset || !own.has(d.host)) continue;
    out.push(d.host);
  }
  return out;
}

function subsetRoutedHosts(index: WorkspaceIndex): ReadonlyMap<string, readonly string[]> {
  return derivedData(index, 'subsetRoutedHosts', (ix) => {
    const map = new Map<string, string[]>();
    for (const vs of ix.ofKind('VirtualService', NETWORKING)) {
      const hosts = perEntry(vs, 'ingressSubset.ownHostsBySubset', ownHostsRoutedBySubset);
      if (hosts.length === 0) continue;
      const name = displayName('VirtualService', vs.namespace, vs.resource.name);
      for (const host of hosts) {
        const names = map.get(host) ?? [];
        if (!names.includes(name)) names.push(name);
        map.set(host, names);
      }
    }
    return map;
  });
}

export const virtualServiceIngressSubsetIgnored: IstioRule = {
  code: 'IST0140',
  defaultSeverity: 'warning',
  analyzers: ['virtualservice.DestinationHostAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const vs = ctx.resource.resource.value;
    if (gatewaysOf(vs).length === 0) return [];
    const routed = subsetRoutedHosts(ctx.index);
    const findings: Finding[] = [];
    list(spec(vs).http).forEach((rule, i) => {
      list(record(rule)?.route).forEach((route, j) => {
        const d = record(record(route)?.destination);
        if (!d || text(d.subset)) return;
        for (const other of routed.get(text(d.host)) ?? []) {
          findings.push(findingAt(ctx, 'IST0140', ['spec', 'http', i, 'route', j, 'destination', 'host'], `Traffic through the gateway goes to \`${text(d.host)}\` without a subset, so the subset routing of ${other} does not apply to it. Add a \`subset\` here if ingress traffic should follow those rules.`, 'value'));
        }
      });
    });
    return findings;
  },
};
