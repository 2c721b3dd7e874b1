// The workloads an Istio Gateway's `selector` picks (in any namespace, as istiod does by
// default) and the TCP ports the Kubernetes Services in front of them expose. Workloads
// are Pods and pod templates in the workspace plus the default ingress gateway.
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { selectorMatches } from './labelSelector';
import { list, record, spec, stringMap, text } from './plainValue';
import { IMPLICIT_INGRESS_SERVICE_PORTS } from './serviceRegistry';
import { workloads, type Workload } from './workloads';

export function gatewaySelector(gateway: IndexedResource): Record<string, string> {
  return stringMap(spec(gateway.resource.value).selector);
}

export function selectedWorkloads(index: WorkspaceIndex, selector: Readonly<Record<string, string>>): Workload[] {
  return workloads(index).all.filter((w) => selectorMatches(selector, w.labels));
}

interface ServiceSelectors {
  readonly byNamespace: Map<string, { selector: Record<string, string>; ports: number[] }[]>;
}

function serviceSelectors(index: WorkspaceIndex): ServiceSelectors {
  return derivedData(index, 'serviceSelectors', (ix) => {
    const byNamespace = new Map<string, { selector: Record<string, string>; ports: number[] }[]>();
    for (const svc of ix.ofKind('Service', '')) {
      const s = spec(svc.resource.value);
      const selector = stringMap(s.selector);
      // Kubernetes defaults an omitted port protocol to TCP
      const ports: number[] = [];
      for (const p of list(s.ports)) {
        const r = record(p);
        if (!r || (text(r.protocol) || 'TCP') !== 'TCP') continue;
        // the gateway listens on the pod port; accept the Service port or its targetPort
        ports.push(Number(r.port) || 0);
        if (typeof r.targetPort === 'number') ports.push(r.targetPort);
      }
      const bucket = byNamespace.get(svc.namespace) ?? [];
      bucket.push({ selector, ports });
      byNamespace.set(svc.namespace, bucket);
    }
    return { byNamespace };
  });
}

/** TCP ports (and numeric target ports) of the Services selecting these workloads (same namespace). */
export function servicePortsOf(index: WorkspaceIndex, selected: readonly Workload[]): Set<number> {
  const ports = new Set<number>();
  const { byNamespace } = serviceSelectors(index);
  for (const w of selected) {
    if (!w.inWorkspace && !byNamespace.get(w.namespace)?.some((s) => selectorMatches(s.selector, w.labels))) {
      for (const p of IMPLICIT_INGRESS_SERVICE_PORTS) ports.add(p.number);
      continue;
    }
    for (const s of byNamespace.get(w.namespace) ?? []) {
      // a Service without a selector selects no Pods
      if (Object.keys(s.selector).length === 0 || !selectorMatches(s.selector, w.labels)) continue;
      for (const p of s.ports) ports.add(p);
    }
  }
  return ports;
}

export function serverPortNumber(server: unknown): number | undefined {
  const port = (server as { port?: { number?: unknown } } | undefined)?.port;
  return port && port.number !== undefined ? Number(text(port.number)) : undefined;
}
