// IST0145 on an Istio Gateway server that another Gateway also defines for the same
// gateway workloads (selectors where one contains the other, or that pick a common
// workload), the same port and an overlapping host: the proxy gets two conflicting
// listeners and keeps only one.
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { gatewaySelector, selectedWorkloads, serverPortNumber } from './gatewayWorkloads';
import { hostsMatch } from './istioHosts';
import { displayName, findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { selectorMatches } from './labelSelector';
import { list, record, spec, strings } from './plainValue';
import type { Workload } from './workloads';

interface ServerEntry {
  readonly gateway: IndexedResource;
  readonly selector: Record<string, string>;
  readonly hosts: readonly string[];
}

function serversByPort(index: WorkspaceIndex): ReadonlyMap<number, readonly ServerEntry[]> {
  return derivedData(index, 'gatewayServersByPort', (ix) => {
    const map = new Map<number, ServerEntry[]>();
    for (const gateway of ix.ofKind('Gateway', NETWORKING)) {
      const selector = gatewaySelector(gateway);
      for (const server of list(spec(gateway.resource.value).servers)) {
        const port = serverPortNumber(server);
        if (port === undefined) continue;
        const bucket = map.get(port) ?? [];
        bucket.push({ gateway, selector, hosts: strings(record(server)?.hosts) });
        map.set(port, bucket);
      }
    }
    return map;
  });
}

function sameWorkloads(a: Record<string, string>, b: Record<string, string>, selectedByA: readonly Workload[]): boolean {
  return selectorMatches(a, b) || selectorMatches(b, a) || selectedByA.some((w) => selectorMatches(b, w.labels));
}

export const gatewayConflict: IstioRule = {
  code: 'IST0145',
  defaultSeverity: 'error',
  analyzers: ['gateway.ConflictingGatewayAnalyzer'],
  appliesTo: ofKind('Gateway', NETWORKING),
  check(ctx) {
    const selector = gatewaySelector(ctx.resource);
    const selected = selectedWorkloads(ctx.index, selector);
    const byPort = serversByPort(ctx.index);
    const findings = [];
    const servers = list(spec(ctx.resource.resource.value).servers);
    for (let i = 0; i < servers.length; i++) {
      const port = serverPortNumber(servers[i]);
      if (port === undefined) continue;
      const hosts = strings(record(servers[i])?.hosts);
      const others = new Set<string>();
      for (const other of byPort.get(port) ?? []) {
        if (other.gateway === ctx.resource || !sameWorkloads(selector, other.selector, selected)) continue;
        if (hosts.some((h) => other.hosts.some((o) => hostsMatch(h, o)))) others.add(displayName('Gateway', other.gateway.namespace, other.gateway.resource.name));
      }
      if (others.size === 0) continue;
      findings.push(findingAt(ctx, 'IST0145', ['spec', 'servers', i, 'port', 'number'], `This server (port ${port}, hosts ${hosts.join(', ')}) clashes with ${[...others].sort().join(', ')} on the same gateway workloads; only one of them takes effect. Merge them into one Gateway or give them different hosts or ports.`, 'value'));
    }
    return findings;
  },
};
