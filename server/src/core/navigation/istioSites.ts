// Istio references: VirtualService destination hosts (→ Service or ServiceEntry, resolved
// as istioctl does, exportTo included), route subsets (→ the DestinationRule subset of
// that host), `gateways` entries (→ Gateway), and DestinationRule hosts; DestinationRule
// subsets are the definitions of subset names.
import { findGateway, gatewayRef, isInternalGatewayName, MESH_GATEWAY } from '../rules/gatewayReferences';
import { serviceNameOfHost, toFqdn } from '../rules/istioHosts';
import { NETWORKING } from '../rules/istioRule';
import { list, record, spec, strings, text } from '../rules/plainValue';
import { lookupHost } from '../rules/serviceRegistry';
import { allDestinations, gatewaysOf } from '../rules/virtualServiceDestinations';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { resourceKey, type SiteCollector } from './navigationSites';

/** Subsets are named per host as the subset rule (IST0101) matches them. */
export function subsetKey(namespace: string, host: string, subset: string): string {
  const n = serviceNameOfHost(namespace, toFqdn(namespace, host));
  return `subset|${n.namespace}/${n.name}|${subset}`;
}

function hostKeys(index: WorkspaceIndex, entry: IndexedResource, host: string): string[] {
  if (!host) return [];
  const found = lookupHost(index, entry.namespace, strings(spec(entry.resource.value).exportTo), host);
  return found?.source ? [resourceKey(found.source)] : [];
}

export const istioSites: SiteCollector = (sink) => {
  const { entry, index } = sink;
  if (entry.group !== NETWORKING) return;
  const value = entry.resource.value;
  if (entry.resource.kind === 'VirtualService') {
    for (const d of allDestinations(value)) {
      sink.refer([...d.path, 'host'], hostKeys(index, entry, d.host));
      if (d.host && d.subset) sink.refer([...d.path, 'subset'], [subsetKey(entry.namespace, d.host, d.subset)]);
    }
    gatewaysOf(value).forEach((ref, i) => {
      if (!ref || ref === MESH_GATEWAY || isInternalGatewayName(ref)) return;
      const { namespace, name } = gatewayRef(entry.namespace, ref);
      const gateway = findGateway(index, namespace, name);
      if (gateway) sink.refer(['spec', 'gateways', i], [resourceKey(gateway)]);
    });
  } else if (entry.resource.kind === 'DestinationRule') {
    const s = spec(value);
    const host = text(s.host);
    sink.refer(['spec', 'host'], hostKeys(index, entry, host));
    list(s.subsets).forEach((subset, i) => {
      const name = text(record(subset)?.name);
      if (host && name) sink.define(['spec', 'subsets', i, 'name'], [subsetKey(entry.namespace, host, name)]);
    });
  }
};
