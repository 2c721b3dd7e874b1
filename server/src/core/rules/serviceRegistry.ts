// The hosts a mesh client can reach, as istioctl analyze builds them: Kubernetes Services
// (`name.ns.svc.cluster.local`, visible where their `networking.istio.io/exportTo`
// annotation says) and ServiceEntry hosts (visible where `exportTo` says), keyed by
// scope ('*' or a namespace) and fully qualified host. Built once, kept until the inputs change.
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { ALL_NAMESPACES, exportAnnotationScopes, exportScopes } from './exportTo';
import { toFqdn } from './istioHosts';
import { list, metadata, record, spec, stringMap, strings, text } from './plainValue';
import { ISTIO_SYSTEM, workloads } from './workloads';

export interface ServicePort {
  readonly number: number;
  readonly name: string;
  readonly protocol: string;
}

export interface RegisteredService {
  readonly source?: IndexedResource;
  readonly ports: readonly ServicePort[];
  /** ServiceEntry workloadSelector labels (subsets of such hosts add their labels to these). */
  readonly workloadLabels: Readonly<Record<string, string>>;
}

interface Registry {
  readonly exact: Map<string, RegisteredService>;
  readonly wildcards: { scope: string; suffix: string; service: RegisteredService }[];
}

/** Ports of the Service the harness adds with the implicit ingress gateway. */
export const IMPLICIT_INGRESS_SERVICE_PORTS: readonly ServicePort[] = [
  { number: 80, name: 'http2', protocol: 'TCP' },
  { number: 443, name: 'https', protocol: 'TCP' },
  { number: 31400, name: 'tcp', protocol: 'TCP' },
  { number: 15443, name: 'tls', protocol: 'TCP' },
];

export function servicePorts(serviceSpec: Record<string, unknown>, numberKey: 'port' | 'number'): ServicePort[] {
  return list(serviceSpec.ports).map(record).filter((p) => p !== undefined).map((p) => ({ number: Number(p![numberKey]) || 0, name: text(p!.name), protocol: text(p!.protocol) }));
}

function build(index: WorkspaceIndex): Registry {
  const exact = new Map<string, RegisteredService>();
  const wildcards: Registry['wildcards'] = [];
  const add = (scope: string, host: string, service: RegisteredService) => {
    exact.set(`${scope}/${host}`, service);
    if (host.startsWith('*')) wildcards.push({ scope, suffix: host.slice(1), service });
  };
  for (const entry of index.ofKind('ServiceEntry', 'networking.istio.io')) {
    const s = spec(entry.resource.value);
    const service: RegisteredService = { source: entry, ports: servicePorts(s, 'number'), workloadLabels: stringMap(record(s.workloadSelector)?.labels) };
    const scopes = exportScopes(strings(s.exportTo), entry.namespace);
    for (const host of strings(s.hosts)) {
      for (const scope of scopes) add(scope, toFqdn(entry.namespace, host), service);
    }
  }
  let ingressService = false;
  for (const entry of index.ofKind('Service', '')) {
    const meta = metadata(entry.resource.value);
    const service: RegisteredService = { source: entry, ports: servicePorts(spec(entry.resource.value), 'port'), workloadLabels: {} };
    const host = toFqdn(entry.namespace, entry.resource.name ?? '');
    for (const scope of exportAnnotationScopes(stringMap(meta.annotations)['networking.istio.io/exportTo'], entry.namespace)) add(scope, host, service);
    if (entry.namespace === ISTIO_SYSTEM && entry.resource.name === 'istio-ingressgateway') ingressService = true;
  }
  if (!ingressService && workloads(index).all.some((w) => !w.inWorkspace && w.namespace === ISTIO_SYSTEM)) {
    add(ALL_NAMESPACES, toFqdn(ISTIO_SYSTEM, 'istio-ingressgateway'), { ports: IMPLICIT_INGRESS_SERVICE_PORTS, workloadLabels: {} });
  }
  return { exact, wildcards };
}

function registry(index: WorkspaceIndex): Registry {
  return derivedData(index, 'serviceRegistry', build);
}

/**
 * The service a host names, seen from `namespace` by a resource exported to `exportTo`
 * (istioctl's GetDestinationHost: all-namespace entries first, then the scopes the
 * referring resource is exported to, then wildcard ServiceEntry hosts).
 */
export function lookupHost(index: WorkspaceIndex, namespace: string, exportTo: readonly string[], host: string): RegisteredService | undefined {
  const reg = registry(index);
  const fqdn = toFqdn(namespace, host);
  const all = reg.exact.get(`${ALL_NAMESPACES}/${fqdn}`);
  if (all) return all;
  const scopes = exportTo.length === 0 ? [namespace] : exportTo.map((e) => (e === '.' ? namespace : e));
  for (const scope of scopes) {
    const found = reg.exact.get(`${scope}/${fqdn}`);
    if (found) return found;
  }
  const bare = host.startsWith('*') ? host.slice(1) : host;
  for (const w of reg.wildcards) {
    if (w.scope !== ALL_NAMESPACES && w.scope !== namespace) continue;
    if (bare.endsWith(w.suffix)) return w.service;
  }
  return undefined;
}
