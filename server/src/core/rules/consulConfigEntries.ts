// Consul config entries as consul-k8s syncs them (consul.hashicorp.com/v1alpha1): the
// Kubernetes name of a ServiceDefaults, ServiceResolver, ServiceRouter or ServiceSplitter
// is the Consul service it configures. Consul names are not scoped by Kubernetes
// namespace (without Consul Enterprise namespaces all entries land in one Consul
// namespace), so lookups go by name, preferring an entry in the referrer's own Kubernetes
// namespace. References that name another Consul namespace, partition, peer or datacenter
// are not resolved here.
import type { JsonPath } from '../parse/locator';
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { at, list, record, spec, text } from './plainValue';

export const CONSUL = 'consul.hashicorp.com';

/** Protocols that allow L7 routing (Consul's `EnableAdvancedRoutingForProtocol`). */
export const HTTP_PROTOCOLS: ReadonlySet<string> = new Set(['http', 'http2', 'grpc']);

function byName(index: WorkspaceIndex, kind: string): ReadonlyMap<string, readonly IndexedResource[]> {
  return derivedData(index, `consul.byName.${kind}`, (ix) => {
    const map = new Map<string, IndexedResource[]>();
    for (const entry of ix.ofKind(kind, CONSUL)) {
      const name = entry.resource.name ?? '';
      map.set(name, [...(map.get(name) ?? []), entry]);
    }
    return map;
  });
}

/** The config entry of `kind` for Consul service `service`, preferring `namespace`. */
export function consulEntry(index: WorkspaceIndex, kind: string, service: string, namespace: string): IndexedResource | undefined {
  const found = byName(index, kind).get(service);
  return found?.find((e) => e.namespace === namespace) ?? found?.[0];
}

export function consulEntries(index: WorkspaceIndex, kind: string, service: string): readonly IndexedResource[] {
  return byName(index, kind).get(service) ?? [];
}

/** A reference to another Consul service (a split, a route destination, a redirect). */
export interface ServiceTarget {
  /** Path of the block holding `service` and `serviceSubset`. */
  readonly path: JsonPath;
  readonly service: string;
  readonly subset: string;
  /** Names another Consul namespace, partition, peer or datacenter: not resolvable here. */
  readonly elsewhere: boolean;
}

function target(path: JsonPath, value: unknown, ownService: string): ServiceTarget {
  const r = record(value) ?? {};
  const elsewhere = ['namespace', 'partition', 'peer', 'datacenter', 'samenessGroup'].some((k) => text(r[k]) !== '');
  return { path, service: text(r.service) || ownService, subset: text(r.serviceSubset), elsewhere };
}

export function splitTargets(entry: IndexedResource): ServiceTarget[] {
  const own = entry.resource.name ?? '';
  return list(spec(entry.resource.value).splits).map((s, i) => target(['spec', 'splits', i], s, own));
}

export function routeTargets(entry: IndexedResource): ServiceTarget[] {
  const own = entry.resource.name ?? '';
  const out: ServiceTarget[] = [];
  list(spec(entry.resource.value).routes).forEach((route, i) => {
    const destination = record(route)?.destination;
    if (record(destination)) out.push(target(['spec', 'routes', i, 'destination'], destination, own));
  });
  return out;
}

export function resolverSubsets(resolver: IndexedResource): string[] {
  return Object.keys(record(spec(resolver.resource.value).subsets) ?? {});
}

export function hasRedirect(resolver: IndexedResource): boolean {
  return record(spec(resolver.resource.value).redirect) !== undefined;
}

export interface ServiceProtocol {
  readonly protocol: string;
  /** The entry that set it; undefined when Consul's default (tcp) applies. */
  readonly source?: IndexedResource;
}

/**
 * A service's protocol as Consul resolves it: its ServiceDefaults `protocol`, else the
 * ProxyDefaults `global` entry's `config.protocol`, else tcp.
 */
export function serviceProtocol(index: WorkspaceIndex, service: string, namespace: string): ServiceProtocol {
  const defaults = consulEntry(index, 'ServiceDefaults', service, namespace);
  const own = defaults ? text(spec(defaults.resource.value).protocol).toLowerCase() : '';
  if (defaults && own) return { protocol: own, source: defaults };
  const proxy = consulEntry(index, 'ProxyDefaults', 'global', namespace);
  const protocol = proxy ? text(at(proxy.resource.value, 'spec', 'config', 'protocol')).toLowerCase() : '';
  if (proxy && protocol) return { protocol, source: proxy };
  return { protocol: 'tcp' };
}
