// One workload's proxy overhead under one mesh: per-pod requests, limits and usage
// estimate; what is priced per pod (per resource, max(request, usage estimate) when an
// estimate exists, else the request — OpenCost's allocation rule); and the month's cost
// over all replicas. Ambient workloads carry no proxy of their own: their share is in the
// per-node ztunnels and the waypoints, priced elsewhere.
import type { Resource } from '../parse/extractResources';
import type { MeshName, Settings } from '../settings';
import { istioConfigEstimate, type ConfigEstimate } from './configSize';
import type { CostWorkspace, WorkloadEntry } from './costWorkspace';
import type { CpuMemory, CpuMemoryAmount, DataPlane, JsonPath, MoneyParts } from './costTypes';
import { latencyPerHop, type LatencyEstimate } from './latency';
import type { MeshDecision } from './meshDetection';
import { monthlyMinor, type Prices } from './pricing';
import { sidecarResources, type ProxyOrigin, type ProxyResources, type SidecarMesh } from './proxyResources';
import { reportAmount, scaleMoney, ZERO_MONEY, type ReportedAmount } from './totals';
import { expectedRate, usagePerPod, type ExpectedRate, type UsageSubject } from './usageEstimate';
import { replicasOf } from './workloadDetection';

/** One proxy (per pod): what it asks for, what it is estimated to use, what is priced. */
export interface PodProxy {
  readonly requests: CpuMemory;
  readonly limits: CpuMemory;
  /** Estimate from an expected request rate; absent without one. */
  readonly usage?: CpuMemoryAmount;
  /** Per resource: max(request, usage) with an estimate, else the request (0 when unset). */
  readonly priced: CpuMemoryAmount;
  readonly money: MoneyParts;
}

export interface WorkloadCost {
  readonly file: string;
  readonly resource: Resource;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly mesh: DataPlane;
  readonly meshReason: string;
  readonly replicas: number;
  readonly replicasReason: string;
  /** Absent for ambient workloads (no sidecar). */
  readonly proxy?: PodProxy;
  readonly proxyOrigin?: ProxyOrigin;
  /** The proxy resources came from an explicit istio-proxy container. */
  readonly fromContainer: boolean;
  /** Priced resources over all replicas. */
  readonly amount: ReportedAmount;
  readonly money: MoneyParts;
  /** The same workload with the mesh's default proxy (no resource annotations), per pod. */
  readonly atMeshDefaults?: PodProxy;
  readonly expectedRate?: ExpectedRate;
  readonly configEstimate?: ConfigEstimate;
  readonly latency: LatencyEstimate;
  readonly waypoint?: { readonly namespace: string; readonly name: string };
  /** Where the pod template's annotations are (for quick fixes). */
  readonly annotationsPath: JsonPath;
  readonly notes: readonly string[];
}

export interface CostContext {
  readonly ws: CostWorkspace;
  readonly settings: Settings;
  readonly prices: Prices;
}

export function pricedAmount(requests: CpuMemory, usage: CpuMemoryAmount | undefined): CpuMemoryAmount {
  return {
    cpuMillicores: Math.max(requests.cpuMillicores ?? 0, usage?.cpuMillicores ?? 0),
    memoryBytes: Math.max(requests.memoryBytes ?? 0, usage?.memoryBytes ?? 0),
  };
}

export function podProxy(resources: Pick<ProxyResources, 'requests' | 'limits'>, usage: CpuMemoryAmount | undefined, prices: Prices): PodProxy {
  const priced = pricedAmount(resources.requests, usage);
  return { requests: resources.requests, limits: resources.limits, usage, priced, money: monthlyMinor(priced, prices) };
}

const NO_AMOUNT: ReportedAmount = { cpuMillicores: 0, memoryHundredthsMiB: 0 };

/** The workload priced under `decision.mesh`; undefined when that is `none`. */
export function costWorkload(entry: WorkloadEntry, decision: MeshDecision, ctx: CostContext): WorkloadCost | undefined {
  const mesh: MeshName = decision.mesh;
  if (mesh === 'none') return undefined;
  const { ws, settings, prices } = ctx;
  const notes: string[] = [];
  const { replicas, reason: replicasReason } = replicasOf(entry, ws, settings, notes);
  const rate = expectedRate(entry.resource, entry.template, settings, notes);
  const base = {
    file: entry.file,
    resource: entry.resource,
    kind: entry.kind,
    namespace: entry.namespace,
    name: entry.name,
    mesh,
    meshReason: decision.reason,
    replicas,
    replicasReason,
    expectedRate: rate,
    annotationsPath: entry.template.annotationsPath,
  };

  if (mesh === 'istio-ambient') {
    return {
      ...base,
      fromContainer: false,
      amount: NO_AMOUNT,
      money: ZERO_MONEY,
      latency: latencyPerHop(mesh, decision.waypoint !== undefined),
      waypoint: decision.waypoint,
      notes: [...notes, 'Ambient: no sidecar; the node ztunnels (control plane) and any waypoint carry this workload\'s traffic.'],
    };
  }

  const sidecarMesh: SidecarMesh = mesh;
  const namespaceInfo = ws.namespaces.get(entry.namespace);
  const resources = sidecarResources(sidecarMesh, { template: entry.template, namespace: namespaceInfo, settings });
  notes.push(...resources.notes);
  const configEstimate = sidecarMesh === 'istio' ? istioConfigEstimate(ws, entry.namespace, entry.template.labels) : undefined;
  const usage = rate ? usagePerPod(sidecarMesh as UsageSubject, rate.rps, replicas, configEstimate?.memoryBytes) : undefined;
  const proxy = podProxy(resources, usage, prices);
  const defaults = sidecarResources(sidecarMesh, { template: { ...entry.template, annotations: {}, spec: {} }, settings });
  if (replicas === 0 && (entry.kind === 'Job' || entry.kind === 'CronJob')) notes.push('Batch pods are counted only while they run: set mumbaiMesh.cost.jobDuty to the fraction of the month they do.');
  return {
    ...base,
    proxy,
    proxyOrigin: resources.origin,
    fromContainer: resources.fromContainer,
    amount: reportAmount(proxy.priced, replicas),
    money: scaleMoney(proxy.money, replicas),
    atMeshDefaults: podProxy(defaults, usage, prices),
    configEstimate,
    latency: latencyPerHop(mesh),
    notes,
  };
}
