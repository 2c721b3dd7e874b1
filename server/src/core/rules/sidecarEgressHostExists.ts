// MM434 on a Sidecar `egress[].hosts` entry (`namespace/dnsName`) that imports nothing
// the workspace defines: no Service, ServiceEntry or VirtualService with that host in
// that namespace, or no such namespace at all. Kiali reports the same as KIA1004 ("This
// host has no matching entry in the service registry", business/checkers/sidecars/
// egress_listener_checker.go). `*`, `.` and `~` namespaces and `*`/`*.suffix` hosts are
// handled as Istio reads them (`~/…` imports nothing by design, `ns/*` everything in
// ns); istio-system and the root namespace always count as known. Unlike VirtualService hosts, Sidecar hosts are not completed: `shop/reviews` never
// matches `reviews.shop.svc.cluster.local`, and the message says so. Silent when the
// workspace defines no Service, ServiceEntry or VirtualService at all.
import { derivedData } from '../workspace/derivedIndex';
import { perEntry } from '../workspace/entryMemo';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { CLUSTER_DOMAIN, hostsMatch, isWildcard, toFqdn } from './istioHosts';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { list, record, spec, strings } from './plainValue';
import { meshConfig } from './meshConfig';
import type { Rule } from './rule';
import { ISTIO_SYSTEM } from './workloads';

interface Registry {
  /** namespace → hosts defined there (Service FQDNs, ServiceEntry and VirtualService hosts). */
  readonly hosts: ReadonlyMap<string, readonly string[]>;
  readonly namespaces: ReadonlySet<string>;
  readonly empty: boolean;
}

/** `spec.hosts`, short names completed in the resource's namespace. */
function specHostsFqdn(entry: IndexedResource): string[] {
  return strings(spec(entry.resource.value).hosts).map((h) => toFqdn(entry.namespace, h));
}

function build(index: WorkspaceIndex): Registry {
  const hosts = new Map<string, string[]>();
  const add = (ns: string, host: string) => {
    const list = hosts.get(ns);
    if (list) list.push(host);
    else hosts.set(ns, [host]);
  };
  for (const svc of index.ofKind('Service', '')) add(svc.namespace, toFqdn(svc.namespace, svc.resource.name ?? ''));
  for (const se of index.ofKind('ServiceEntry', NETWORKING)) for (const h of perEntry(se, 'sidecarEgress.hosts', specHostsFqdn)) add(se.namespace, h);
  for (const vs of index.ofKind('VirtualService', NETWORKING)) for (const h of perEntry(vs, 'sidecarEgress.hosts', specHostsFqdn)) add(vs.namespace, h);
  // the control plane's namespace is where `istio-system/*` imports from, whether or not
  // the workspace holds its manifests
  const namespaces = new Set<string>([ISTIO_SYSTEM, meshConfig(index).rootNamespace]);
  // Namespace objects have no namespace of their own (''), so this is every name either way
  for (const ns of index.ofKind('Namespace')) if (ns.resource.name) namespaces.add(ns.resource.name);
  for (const ns of index.namespacesInUse()) namespaces.add(ns);
  return { hosts, namespaces, empty: hosts.size === 0 };
}

function registry(index: WorkspaceIndex): Registry {
  return derivedData(index, 'sidecarEgressRegistry', build);
}

export const sidecarEgressHostExists: Rule = {
  code: 'MM434',
  defaultSeverity: 'warning',
  appliesTo: ofKind('Sidecar', NETWORKING),
  check(ctx) {
    const reg = registry(ctx.index);
    if (reg.empty) return [];
    const findings = [];
    const own = ctx.resource.namespace;
    const egress = list(spec(ctx.resource.resource.value).egress);
    for (let e = 0; e < egress.length; e++) {
      const hosts = list(record(egress[e])?.hosts);
      for (let h = 0; h < hosts.length; h++) {
        const entry = hosts[h];
        if (typeof entry !== 'string') continue;
        const slash = entry.indexOf('/');
        if (slash <= 0) continue; // a malformed entry is the schema's and Istio's validation
        const nsPart = entry.slice(0, slash);
        const dns = entry.slice(slash + 1);
        if (nsPart === '~') continue;
        const ns = nsPart === '.' ? own : nsPart;
        if (ns !== '*' && !reg.namespaces.has(ns)) {
          findings.push(findingAt(ctx, 'MM434', ['spec', 'egress', e, 'hosts', h], `No resource in the workspace is in namespace \`${ns}\`, so \`${entry}\` imports nothing. Check the namespace name (\`.\` means this Sidecar's namespace, \`*\` any).`, 'value'));
          continue;
        }
        if (dns === '*') continue;
        const candidates = ns === '*' ? [...reg.hosts.values()].flat() : reg.hosts.get(ns) ?? [];
        if (candidates.some((known) => hostsMatch(dns, known))) continue;
        const completed = !isWildcard(dns) && !dns.includes('.') && ns !== '*' ? `${dns}.${ns}.${CLUSTER_DOMAIN}` : undefined;
        const hint = completed && candidates.includes(completed)
          ? ` Sidecar hosts are not completed like VirtualService hosts: write \`${nsPart}/${completed}\`.`
          : ' Fix the host, or add the Service or ServiceEntry it should import.';
        const where = ns === '*' ? 'any namespace' : `namespace \`${ns}\``;
        const finding = findingAt(ctx, 'MM434', ['spec', 'egress', e, 'hosts', h], `No Service, ServiceEntry or VirtualService in ${where} has the host \`${dns}\`, so this entry imports nothing.${hint}`, 'value');
        findings.push(completed && candidates.includes(completed) ? { ...finding, data: { replaceWith: `${nsPart}/${completed}` } } : finding);
      }
    }
    return findings;
  },
};
