// Usage estimates: what a proxy actually uses, as opposed to what it requests. Every number
// here is an estimate from a published benchmark (docs/cost-model.md lists them):
//   CPU scales with the request rate through the proxy (vCPU per 1000 rps);
//   memory does not: it follows the configuration the proxy holds (Istio's docs: "request
//   rate doesn't affect the memory consumption"), so memory is a level, not a slope. For
//   Istio sidecars the level is the configuration-size estimate (configSize.ts).
// An estimate exists only when an expected rate is known: the workload's
// `mumbai-mesh.io/expected-rps` annotation, else mumbaiMesh.cost.expectedRps.
import type { Settings } from '../settings';
import type { Resource } from '../parse/extractResources';
import type { CpuMemoryAmount } from './costTypes';
import { isRecord, stringMap, type PodTemplate } from './podTemplate';
import { ceilClean } from './totals';

export type UsageSubject = 'istio' | 'istio-waypoint' | 'ztunnel' | 'linkerd' | 'consul';

export interface UsageFact {
  readonly cpuVcpuPer1000Rps: number;
  /** Memory level in MB (10^6 bytes), as the sources state it. */
  readonly memoryMB: number;
  readonly source: string;
  /** True when the figure is borrowed or derived rather than measured for this proxy. */
  readonly derived: boolean;
}

export const USAGE_FACTS: Readonly<Record<UsageSubject, UsageFact>> = {
  istio: { cpuVcpuPer1000Rps: 0.2, memoryMB: 60, derived: false, source: 'Istio 1.24 "Performance and Scalability": sidecar ~0.20 vCPU and ~60 MB per 1000 HTTP rps (1 KB payload, 2 worker threads)' },
  'istio-waypoint': { cpuVcpuPer1000Rps: 0.25, memoryMB: 60, derived: false, source: 'Istio 1.24 "Performance and Scalability": waypoint ~0.25 vCPU and ~60 MB per 1000 rps' },
  ztunnel: { cpuVcpuPer1000Rps: 0.06, memoryMB: 12, derived: false, source: 'Istio 1.24 "Performance and Scalability": ztunnel ~0.06 vCPU and ~12 MB per 1000 rps' },
  linkerd: { cpuVcpuPer1000Rps: 0.02, memoryMB: 18, derived: true, source: 'Linkerd 2021 benchmark (2.10.2 vs Istio 1.10.0, 2000 rps): proxy max 18 MB; CPU derived as one tenth of Istio\'s 0.20 vCPU from its "order of magnitude less data plane memory and CPU"' },
  consul: { cpuVcpuPer1000Rps: 0.2, memoryMB: 60, derived: true, source: 'borrowed from Istio\'s Envoy sidecar figures: Consul\'s proxy is Envoy with concurrency 2, the same 2 worker threads as Istio\'s benchmark' },
};

export const EXPECTED_RPS_ANNOTATION = 'mumbai-mesh.io/expected-rps';

export interface ExpectedRate {
  readonly rps: number;
  readonly source: 'annotation' | 'setting';
}

function parseRate(text: string): number | undefined {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** The workload's expected request rate (whole workload, all replicas), if any is known. */
export function expectedRate(resource: Resource, template: PodTemplate, settings: Settings, notes: string[]): ExpectedRate | undefined {
  const metadata = isRecord(resource.value.metadata) ? resource.value.metadata : {};
  const text = template.annotations[EXPECTED_RPS_ANNOTATION] ?? stringMap(metadata.annotations)[EXPECTED_RPS_ANNOTATION];
  if (text !== undefined) {
    const rps = parseRate(text);
    if (rps !== undefined) return { rps, source: 'annotation' };
    notes.push(`${EXPECTED_RPS_ANNOTATION}: ${JSON.stringify(text)} is not a number of requests per second; ignored.`);
  }
  return settings.cost.expectedRps === null ? undefined : { rps: settings.cost.expectedRps, source: 'setting' };
}

/**
 * Per-pod usage of one proxy: the workload's rate split evenly over its replicas.
 * CPU = vCPU per 1000 rps × rate per pod (whole millicores, rounded up); memory = the level.
 */
export function usagePerPod(subject: UsageSubject, rps: number, replicas: number, memoryBytesOverride?: number): CpuMemoryAmount {
  const fact = USAGE_FACTS[subject];
  const perPod = replicas > 0 ? rps / replicas : 0;
  return {
    cpuMillicores: ceilClean(fact.cpuVcpuPer1000Rps * perPod),
    memoryBytes: memoryBytesOverride ?? ceilClean(fact.memoryMB * 1e6),
  };
}
