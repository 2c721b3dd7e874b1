// How much memory an Istio sidecar needs for the configuration it holds. Istio sends every
// proxy one outbound cluster per visible service port plus one per DestinationRule subset
// and port; Envoy's memory grows with that, not with traffic. A Sidecar resource that
// limits egress shrinks what is visible.
//
// Estimate (docs/cost-model.md): a straight line through the one public measurement we
// have — 325 clusters + 175 listeners ≈ 50 MB, cut to under 15 MB by a Sidecar limiting
// egress to ~5 services (2019) — so 15 MB up to 5 clusters, plus 35 MB / 320 clusters
// (0.109375 MB, about 109 KB, each with its share of listeners and routes) beyond.
import { DEFAULT_NAMESPACE, ROOT_NAMESPACE, type CostWorkspace, type ServiceInfo, type SidecarInfo } from './costWorkspace';
import { ceilClean } from './totals';

export const CONFIG_MEMORY = {
  baseMB: 15,
  baseClusters: 5,
  perClusterMB: 35 / 320,
  source: '2019 measurement: 325 clusters + 175 listeners ≈ 50 MB of Envoy memory; under 15 MB with a Sidecar limiting egress to ~5 services',
} as const;

export interface ConfigEstimate {
  readonly services: number;
  readonly clusters: number;
  readonly memoryBytes: number;
  /** `namespace/name` of the Sidecar resource that scoped the configuration, if any. */
  readonly scopedBy?: string;
}

function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Istio's choice: a selecting Sidecar in the namespace, else the namespace's default, else the root namespace's. */
export function sidecarFor(ws: CostWorkspace, namespace: string, labels: Readonly<Record<string, string>>): SidecarInfo | undefined {
  const inNamespace = ws.sidecars.filter((s) => s.namespace === namespace);
  return (
    inNamespace.find((s) => s.selector && Object.keys(s.selector).length > 0 && selects(s.selector, labels)) ??
    inNamespace.find((s) => !s.selector || Object.keys(s.selector).length === 0) ??
    ws.sidecars.find((s) => s.namespace === ROOT_NAMESPACE && (!s.selector || Object.keys(s.selector).length === 0))
  );
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

/** Sidecar egress hosts are `namespace/dnsName`: `.` is the Sidecar's namespace, `~` none, `*` any. */
function egressAllows(sidecar: SidecarInfo, service: ServiceInfo): boolean {
  return sidecar.egressHosts.some((entry) => {
    const slash = entry.indexOf('/');
    const nsPart = slash === -1 ? '*' : entry.slice(0, slash);
    const hostPart = slash === -1 ? entry : entry.slice(slash + 1);
    if (nsPart === '~') return false;
    const ns = nsPart === '.' ? sidecar.namespace : nsPart;
    if (ns !== '*' && ns !== service.namespace) return false;
    return service.hosts.some((h) => hostMatches(hostPart, h));
  });
}

function exportedTo(service: ServiceInfo, namespace: string): boolean {
  if (!service.exportTo) return true;
  return service.exportTo.some((e) => e === '*' || e === namespace || (e === '.' && service.namespace === namespace));
}

function qualify(host: string, namespace: string): string {
  return host.includes('.') ? host : `${host}.${namespace}.svc.cluster.local`;
}

export function configMemoryMB(clusters: number): number {
  return CONFIG_MEMORY.baseMB + Math.max(0, clusters - CONFIG_MEMORY.baseClusters) * CONFIG_MEMORY.perClusterMB;
}

export function istioConfigEstimate(ws: CostWorkspace, namespace: string = DEFAULT_NAMESPACE, labels: Readonly<Record<string, string>> = {}): ConfigEstimate {
  const sidecar = sidecarFor(ws, namespace, labels);
  const visible = ws.services.filter((s) => exportedTo(s, namespace) && (!sidecar || egressAllows(sidecar, s)));
  let clusters = 0;
  const portsByHost = new Map<string, number>();
  for (const service of visible) {
    clusters += service.ports * Math.max(1, service.hosts.length);
    for (const host of service.hosts) portsByHost.set(host, service.ports);
  }
  for (const rule of ws.destinationRules) {
    const ports = portsByHost.get(qualify(rule.host, rule.namespace));
    if (ports !== undefined) clusters += rule.subsets * ports;
  }
  return {
    services: visible.length,
    clusters,
    memoryBytes: ceilClean(configMemoryMB(clusters) * 1e6),
    scopedBy: sidecar ? `${sidecar.namespace}/${sidecar.name}` : undefined,
  };
}
