// Names other resources in the workspace define, as a reference to them is written: subsets
// of a host's DestinationRule, gateways, hosts of Services and ServiceEntries, namespaces,
// service accounts as principals, Linkerd Servers, Consul services and their subsets.
// Hosts resolve as Istio does: a short name is a Service in the referring namespace.
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';

export interface Reference {
  readonly value: string;
  /** Where it comes from, for the item's detail (e.g. `DestinationRule prod/reviews`). */
  readonly detail: string;
}

const CLUSTER_DOMAIN = 'svc.cluster.local';
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod', 'CronJob'];

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `value.a.b`, or undefined where a step is missing. */
export function valueAt(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = record(current)?.[segment];
  }
  return current;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A host as Istio completes it: short names get the namespace and the cluster domain. */
export function fullHost(namespace: string, host: string): string {
  return host.startsWith('*') || host.includes('.') ? host : `${host}.${namespace}.${CLUSTER_DOMAIN}`;
}

function display(entry: IndexedResource): string {
  const name = entry.resource.name ?? '';
  return entry.namespace ? `${entry.resource.kind} ${entry.namespace}/${name}` : `${entry.resource.kind} ${name}`;
}

function unique(refs: Reference[]): Reference[] {
  const seen = new Set<string>();
  return refs.filter((r) => r.value !== '' && !seen.has(r.value) && (seen.add(r.value), true));
}

/** DestinationRules whose host is `host` seen from `namespace`. */
export function destinationRulesFor(index: WorkspaceIndex, namespace: string, host: string): IndexedResource[] {
  const wanted = fullHost(namespace, host);
  return index.ofKind('DestinationRule', 'networking.istio.io').filter((dr) => fullHost(dr.namespace, str(valueAt(dr.resource.value, 'spec', 'host'))) === wanted);
}

export function subsetNames(index: WorkspaceIndex, namespace: string, host: string): Reference[] {
  const refs: Reference[] = [];
  for (const dr of destinationRulesFor(index, namespace, host)) {
    const subsets = valueAt(dr.resource.value, 'spec', 'subsets');
    for (const s of Array.isArray(subsets) ? subsets : []) refs.push({ value: str(record(s)?.name), detail: `subset of ${display(dr)}` });
  }
  return unique(refs);
}

export function hosts(index: WorkspaceIndex, namespace: string): Reference[] {
  const refs: Reference[] = [];
  for (const svc of index.ofKind('Service', '')) {
    const name = svc.resource.name ?? '';
    if (svc.namespace === namespace) refs.push({ value: name, detail: display(svc) });
    refs.push({ value: `${name}.${svc.namespace}.${CLUSTER_DOMAIN}`, detail: display(svc) });
  }
  for (const se of index.ofKind('ServiceEntry', 'networking.istio.io')) {
    const list = valueAt(se.resource.value, 'spec', 'hosts');
    for (const h of Array.isArray(list) ? list : []) refs.push({ value: str(h), detail: display(se) });
  }
  return unique(refs);
}

export function gateways(index: WorkspaceIndex, namespace: string): Reference[] {
  const refs: Reference[] = [{ value: 'mesh', detail: 'every sidecar in the mesh' }];
  for (const gw of index.ofKind('Gateway', 'networking.istio.io')) {
    const name = gw.resource.name ?? '';
    refs.push({ value: gw.namespace === namespace ? name : `${gw.namespace}/${name}`, detail: display(gw) });
  }
  return unique(refs);
}

export function namespaces(index: WorkspaceIndex): Reference[] {
  const refs: Reference[] = [];
  for (const ns of index.ofKind('Namespace', '')) refs.push({ value: ns.resource.name ?? '', detail: display(ns) });
  for (const entry of index.all()) if (entry.namespace) refs.push({ value: entry.namespace, detail: 'namespace used in the workspace' });
  return unique(refs).sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Service accounts as AuthorizationPolicy principals: `cluster.local/ns/NS/sa/SA`. */
export function principals(index: WorkspaceIndex): Reference[] {
  const refs: Reference[] = [];
  for (const sa of index.ofKind('ServiceAccount', '')) refs.push({ value: `cluster.local/ns/${sa.namespace}/sa/${sa.resource.name ?? ''}`, detail: display(sa) });
  for (const kind of WORKLOAD_KINDS) {
    for (const w of index.ofKind(kind)) {
      const podSpec = kind === 'Pod' ? valueAt(w.resource.value, 'spec')
        : kind === 'CronJob' ? valueAt(w.resource.value, 'spec', 'jobTemplate', 'spec', 'template', 'spec')
          : valueAt(w.resource.value, 'spec', 'template', 'spec');
      const sa = str(record(podSpec)?.serviceAccountName) || str(record(podSpec)?.serviceAccount);
      if (sa) refs.push({ value: `cluster.local/ns/${w.namespace}/sa/${sa}`, detail: `service account of ${display(w)}` });
    }
  }
  return unique(refs);
}

export function linkerdServers(index: WorkspaceIndex, namespace: string): Reference[] {
  return unique(index.ofKind('Server', 'policy.linkerd.io').filter((s) => s.namespace === namespace).map((s) => ({ value: s.resource.name ?? '', detail: display(s) })));
}

const CONSUL = 'consul.hashicorp.com';
const CONSUL_ENTRY_KINDS = ['ServiceDefaults', 'ServiceResolver', 'ServiceRouter', 'ServiceSplitter'];

/** Consul service names: config entries are named after their service; Kubernetes Services register as one. */
export function consulServices(index: WorkspaceIndex): Reference[] {
  const refs: Reference[] = [];
  for (const kind of CONSUL_ENTRY_KINDS) for (const e of index.ofKind(kind, CONSUL)) refs.push({ value: e.resource.name ?? '', detail: display(e) });
  for (const e of index.ofKind('ServiceIntentions', CONSUL)) refs.push({ value: str(valueAt(e.resource.value, 'spec', 'destination', 'name')), detail: display(e) });
  for (const svc of index.ofKind('Service', '')) refs.push({ value: svc.resource.name ?? '', detail: display(svc) });
  return unique(refs.filter((r) => r.value !== '*'));
}

/** The subsets the ServiceResolver of `service` defines (`spec.subsets` is a map by name). */
export function consulSubsets(index: WorkspaceIndex, service: string): Reference[] {
  const refs: Reference[] = [];
  for (const resolver of index.ofKind('ServiceResolver', CONSUL)) {
    if (resolver.resource.name !== service) continue;
    const subsets = record(valueAt(resolver.resource.value, 'spec', 'subsets'));
    for (const name of Object.keys(subsets ?? {})) refs.push({ value: name, detail: `subset of ${display(resolver)}` });
  }
  return unique(refs);
}
