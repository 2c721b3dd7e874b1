// Right-sizing advice: where a proxy requests more than `factor` (mumbaiMesh.cost.
// rightSizingFactor, default 2) times its usage estimate, suggest requests at the estimate
// (rounded up to 5m CPU and 16Mi memory) and the annotations that set them for that mesh.
// The brief's pattern: a payments team cut each sidecar from 256Mi/100m to 64Mi/25m after
// measuring. For Istio the annotations are all-or-nothing, so the fix writes both requests
// and keeps the current limits explicitly; Linkerd and Consul take only the changed fields.
import type { CpuMemory, CpuMemoryAmount, JsonPath } from './costTypes';
import { monthlyMinor, type Prices } from './pricing';
import { PROXY_ANNOTATIONS, type SidecarMesh } from './proxyResources';
import { formatCpu, formatMemory, MIB } from './quantity';
import { moneyTotal, scaleMoney, toMajor } from './totals';
import { pricedAmount, type WorkloadCost } from './workloadCost';

export const CPU_STEP_MILLICORES = 5;
export const MEMORY_STEP_BYTES = 16 * MIB;

export interface RightSizingAdvice {
  readonly mesh: SidecarMesh;
  /** Which requests are oversized. */
  readonly resources: readonly ('cpu' | 'memory')[];
  readonly currentRequests: CpuMemory;
  readonly suggestedRequests: CpuMemory;
  readonly usage: CpuMemoryAmount;
  readonly factor: number;
  /** Saving per month over all replicas, in minor units. */
  readonly monthlySaving: number;
  /** Annotations to set on the pod template, in order. */
  readonly annotations: Readonly<Record<string, string>>;
  readonly annotationsPath: JsonPath;
  /** The annotations as YAML lines, ready to paste under `annotations:`. */
  readonly annotationText: string;
  readonly message: string;
}

function roundUpTo(value: number, step: number): number {
  return Math.max(step, Math.ceil(value / step) * step);
}

function describe(r: CpuMemory): string {
  return [r.cpuMillicores !== undefined ? `${formatCpu(r.cpuMillicores)} CPU` : undefined, r.memoryBytes !== undefined ? formatMemory(r.memoryBytes) : undefined].filter(Boolean).join(' / ');
}

function mib(bytes: number): string {
  return `${Math.round((bytes / MIB) * 10) / 10}Mi`;
}

export function rightSizing(w: WorkloadCost, factor: number, prices: Prices): RightSizingAdvice | undefined {
  if (w.mesh === 'istio-ambient' || !w.proxy?.usage || w.fromContainer || w.replicas <= 0) return undefined;
  const mesh: SidecarMesh = w.mesh;
  const { requests, limits, usage } = w.proxy;
  const cpuOver = requests.cpuMillicores !== undefined && requests.cpuMillicores > factor * usage.cpuMillicores;
  const memoryOver = requests.memoryBytes !== undefined && requests.memoryBytes > factor * usage.memoryBytes;
  const cpu = cpuOver ? roundUpTo(usage.cpuMillicores, CPU_STEP_MILLICORES) : requests.cpuMillicores;
  const memory = memoryOver ? roundUpTo(usage.memoryBytes, MEMORY_STEP_BYTES) : requests.memoryBytes;
  const resources: ('cpu' | 'memory')[] = [];
  if (cpuOver && cpu !== undefined && cpu < (requests.cpuMillicores ?? 0)) resources.push('cpu');
  if (memoryOver && memory !== undefined && memory < (requests.memoryBytes ?? 0)) resources.push('memory');
  if (resources.length === 0) return undefined;
  const suggested: CpuMemory = {
    cpuMillicores: resources.includes('cpu') ? cpu : requests.cpuMillicores,
    memoryBytes: resources.includes('memory') ? memory : requests.memoryBytes,
  };

  const after = scaleMoney(monthlyMinor(pricedAmount(suggested, usage), prices), w.replicas);
  const monthlySaving = moneyTotal(w.money) - moneyTotal(after);
  if (monthlySaving <= 0) return undefined;

  const names = PROXY_ANNOTATIONS[mesh];
  const annotations: Record<string, string> = {};
  if (mesh === 'istio') {
    // All-or-nothing: once one proxy annotation is set Istio drops every default, so write
    // the full set that reproduces today's proxy with the new requests.
    if (suggested.cpuMillicores !== undefined) annotations[names.cpuRequest] = formatCpu(suggested.cpuMillicores);
    if (suggested.memoryBytes !== undefined) annotations[names.memoryRequest] = formatMemory(suggested.memoryBytes);
    if (limits.cpuMillicores !== undefined) annotations[names.cpuLimit] = formatCpu(limits.cpuMillicores);
    if (limits.memoryBytes !== undefined) annotations[names.memoryLimit] = formatMemory(limits.memoryBytes);
  } else {
    if (resources.includes('cpu') && suggested.cpuMillicores !== undefined) annotations[names.cpuRequest] = formatCpu(suggested.cpuMillicores);
    if (resources.includes('memory') && suggested.memoryBytes !== undefined) annotations[names.memoryRequest] = formatMemory(suggested.memoryBytes);
  }
  const annotationText = Object.entries(annotations).map(([k, v]) => `${k}: "${v}"`).join('\n');
  const rate = w.expectedRate ? `${w.expectedRate.rps} rps` : 'the expected rate';
  const message =
    `Proxy requests ${describe(requests)} are more than ${factor}× the estimated use at ${rate} ` +
    `(${formatCpu(usage.cpuMillicores)} CPU / ${mib(usage.memoryBytes)}, an estimate): requesting ${describe(suggested)} ` +
    `saves ${toMajor(monthlySaving).toFixed(2)} ${prices.currency}/month over ${w.replicas} replica${w.replicas === 1 ? '' : 's'}.`;
  return { mesh, resources, currentRequests: requests, suggestedRequests: suggested, usage, factor, monthlySaving, annotations, annotationsPath: w.annotationsPath, annotationText, message };
}
