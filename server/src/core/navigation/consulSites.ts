// Consul references by service name: the service a ServiceSplitter, ServiceRouter or
// ServiceIntentions configures, split and route targets, resolver redirects and failovers,
// and intention sources all name a Consul service, which its ServiceDefaults and
// ServiceResolver define. `serviceSubset` names a subset its ServiceResolver defines.
import { CONSUL, routeTargets, splitTargets, type ServiceTarget } from '../rules/consulConfigEntries';
import { WILDCARD } from '../rules/consulIntentionSources';
import { list, record, spec, text } from '../rules/plainValue';
import type { SiteCollector, SiteSink } from './navigationSites';

export function consulServiceKey(service: string): string {
  return `consul|${service}`;
}

function consulSubsetKey(service: string, subset: string): string {
  return `consul-subset|${service}|${subset}`;
}

function referTarget(sink: SiteSink, t: ServiceTarget): void {
  if (t.elsewhere || !t.service) return;
  if (sink.locator.node([...t.path, 'service'])) sink.refer([...t.path, 'service'], [consulServiceKey(t.service)]);
  if (t.subset) sink.refer([...t.path, 'serviceSubset'], [consulSubsetKey(t.service, t.subset)]);
}

const DEFINING = new Set(['ServiceDefaults', 'ServiceResolver']);
const CONFIGURING = new Set(['ServiceSplitter', 'ServiceRouter']);

export const consulSites: SiteCollector = (sink) => {
  const { entry } = sink;
  if (entry.group !== CONSUL) return;
  const kind = entry.resource.kind;
  const name = entry.resource.name ?? '';
  const s = spec(entry.resource.value);
  if (DEFINING.has(kind) && name) sink.define(['metadata', 'name'], [consulServiceKey(name)]);
  if (CONFIGURING.has(kind) && name) sink.refer(['metadata', 'name'], [consulServiceKey(name)]);
  if (kind === 'ServiceSplitter') for (const t of splitTargets(entry)) referTarget(sink, t);
  if (kind === 'ServiceRouter') for (const t of routeTargets(entry)) referTarget(sink, t);
  if (kind === 'ServiceResolver') {
    for (const subset of Object.keys(record(s.subsets) ?? {})) sink.define(['spec', 'subsets', subset], [consulSubsetKey(name, subset)], 'key');
    if (text(s.defaultSubset)) sink.refer(['spec', 'defaultSubset'], [consulSubsetKey(name, text(s.defaultSubset))]);
    const redirect = record(s.redirect);
    if (redirect) referTarget(sink, { path: ['spec', 'redirect'], service: text(redirect.service) || name, subset: text(redirect.serviceSubset), elsewhere: ['namespace', 'partition', 'peer', 'datacenter', 'samenessGroup'].some((k) => text(redirect[k]) !== '') });
    for (const [key, failover] of Object.entries(record(s.failover) ?? {})) {
      const f = record(failover);
      if (!f || !text(f.service)) continue;
      referTarget(sink, { path: ['spec', 'failover', key], service: text(f.service), subset: text(f.serviceSubset), elsewhere: text(f.namespace) !== '' });
    }
  }
  if (kind === 'ServiceIntentions') {
    const destination = text(record(s.destination)?.name);
    if (destination && destination !== WILDCARD) sink.refer(['spec', 'destination', 'name'], [consulServiceKey(destination)]);
    list(s.sources).forEach((source, i) => {
      const r = record(source);
      const sourceName = text(r?.name);
      if (!sourceName || sourceName === WILDCARD || text(r?.peer) || text(r?.samenessGroup)) return;
      sink.refer(['spec', 'sources', i, 'name'], [consulServiceKey(sourceName)]);
    });
  }
};
