// Istio host names as pilot compares them: `*` only as a leading wildcard, short names
// completed with the referring resource's namespace, and two-way wildcard matching
// (pkg/config/host in istio/istio: Name.Matches and Name.SubsetOf).
export const CLUSTER_DOMAIN = 'svc.cluster.local';

export function isWildcard(host: string): boolean {
  return host.startsWith('*');
}

/** True when the two hosts can name the same service (either side may be a wildcard). */
export function hostsMatch(a: string, b: string): boolean {
  const aw = isWildcard(a);
  const bw = isWildcard(b);
  if (aw && bw) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (aw) return b.endsWith(a.slice(1));
  if (bw) return a.endsWith(b.slice(1));
  return a === b;
}

/** True when every host `a` names is also named by `b`. */
export function hostSubsetOf(a: string, b: string): boolean {
  if (isWildcard(a)) return isWildcard(b) && a.slice(1).endsWith(b.slice(1));
  if (isWildcard(b)) return a.endsWith(b.slice(1));
  return a === b;
}

/** A short name (no dot, not a wildcard) is completed as a Kubernetes service host. */
export function isShortName(host: string): boolean {
  return !host.startsWith('*') && !host.includes('.');
}

export function toFqdn(namespace: string, host: string): string {
  return isShortName(host) ? `${host}.${namespace}.${CLUSTER_DOMAIN}` : host;
}

const SERVICE_FQDN = /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/;

/** `name.ns.svc.cluster.local` → {name, namespace}; a short name resolves in `namespace`. */
export function serviceNameOfHost(namespace: string, host: string): { namespace: string; name: string } {
  const m = SERVICE_FQDN.exec(host);
  if (m) return { name: m[1], namespace: m[2] };
  return { namespace, name: host };
}
