// IST0101 on a VirtualService route or mirror `subset` that no DestinationRule for that
// host defines. Hosts are compared as istioctl does: short names and
// `name.ns.svc.cluster.local` resolve to a Service name and namespace.
import { derivedData } from '../workspace/derivedIndex';
import { perEntry } from '../workspace/entryMemo';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { serviceNameOfHost, toFqdn } from './istioHosts';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { list, record, spec, text } from './plainValue';
import { allDestinations } from './virtualServiceDestinations';

function hostKey(namespace: string, host: string): string {
  const n = serviceNameOfHost(namespace, host);
  return `${n.namespace}/${n.name}`;
}

/** `ns/name|subset` for every subset of the DestinationRule. */
function subsetKeys(dr: IndexedResource): string[] {
  const s = spec(dr.resource.value);
  const key = hostKey(dr.namespace, toFqdn(dr.namespace, text(s.host)));
  return list(s.subsets).map((subset) => `${key}|${text(record(subset)?.name)}`);
}

/** `ns/name|subset` for every subset every DestinationRule defines. */
export function definedSubsets(index: WorkspaceIndex): ReadonlySet<string> {
  return derivedData(index, 'definedSubsets', (ix) => {
    const set = new Set<string>();
    for (const dr of ix.ofKind('DestinationRule', NETWORKING)) for (const key of perEntry(dr, 'definedSubsets', subsetKeys)) set.add(key);
    return set;
  });
}

export const virtualServiceSubsetExists: IstioRule = {
  code: 'IST0101',
  defaultSeverity: 'error',
  analyzers: ['virtualservice.DestinationRuleAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const subsets = definedSubsets(ctx.index);
    const vs = ctx.resource.resource.value;
    return allDestinations(vs)
      .filter((d) => d.host && d.subset && !subsets.has(`${hostKey(ctx.resource.namespace, d.host)}|${d.subset}`))
      .map((d) => findingAt(ctx, 'IST0101', [...d.path, 'subset'], `No DestinationRule for \`${d.host}\` defines subset \`${d.subset}\`, so requests routed here fail (HTTP 503). Add the subset to the host's DestinationRule or fix the name.`, 'value'));
  },
};
