// How Istio reads a host in a routing rule: a short name (no dot) is completed with the
// referring resource's namespace (`reviews` → `reviews.<ns>.svc.cluster.local`); anything
// with a dot is taken as written. The host is then a Kubernetes Service
// (`name.ns.svc.cluster.local`) or a host of a ServiceEntry, where `*.x` wildcards match.
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { specOf, strings } from './previewFormat';

export const CLUSTER_DOMAIN = 'svc.cluster.local';
const SERVICE_HOST = /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/;

export function fqdnOf(host: string, namespace: string): string {
  return host.startsWith('*') || host.includes('.') ? host : `${host}.${namespace}.${CLUSTER_DOMAIN}`;
}

/** Either side may be a leading-`*` wildcard. */
export function hostsOverlap(a: string, b: string): boolean {
  const aw = a.startsWith('*');
  const bw = b.startsWith('*');
  if (aw && bw) return a.slice(1).endsWith(b.slice(1)) || b.slice(1).endsWith(a.slice(1));
  if (aw) return b.endsWith(a.slice(1));
  if (bw) return a.endsWith(b.slice(1));
  return a === b;
}

export interface ResolvedHost {
  readonly fqdn: string;
  readonly service?: IndexedResource;
  readonly serviceEntries: readonly IndexedResource[];
}

export function resolveHost(index: WorkspaceIndex, host: string, namespace: string): ResolvedHost {
  const fqdn = fqdnOf(host, namespace);
  const m = SERVICE_HOST.exec(fqdn);
  const service = m ? index.find('Service', m[2], m[1], '') : undefined;
  const serviceEntries = index
    .ofKind('ServiceEntry', 'networking.istio.io')
    .filter((e) => strings(specOf(e.resource.value).hosts).some((h) => hostsOverlap(fqdnOf(h, e.namespace), fqdn)));
  return { fqdn, service, serviceEntries };
}

/** DestinationRules whose host covers `fqdn`, most relevant first: the client's namespace, then the host's, then others. */
export function destinationRulesFor(index: WorkspaceIndex, fqdn: string, clientNamespace: string): IndexedResource[] {
  const hostNamespace = SERVICE_HOST.exec(fqdn)?.[2];
  const rank = (e: IndexedResource) => (e.namespace === clientNamespace ? 0 : e.namespace === hostNamespace ? 1 : 2);
  return index
    .ofKind('DestinationRule', 'networking.istio.io')
    .filter((e) => {
      const host = specOf(e.resource.value).host;
      return typeof host === 'string' && hostsOverlap(fqdnOf(host, e.namespace), fqdn);
    })
    .sort((a, b) => rank(a) - rank(b));
}
