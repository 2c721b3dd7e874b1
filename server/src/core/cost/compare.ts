// The same workloads priced under each mesh: Istio sidecar, Istio ambient, Linkerd, Consul
// and none. "The same workloads" are the ones meshed today; when nothing is meshed yet, every
// workload that could be (not in a system namespace, not on the host network). Under each
// mesh a workload keeps its own annotations for that mesh, if it has any, else gets that
// mesh's defaults, so the row of the mesh in use reproduces today's numbers.
import type { MeshName, Settings } from '../settings';
import { priceControlPlanes, type ControlPlaneCost } from './controlPlane';
import type { WorkspaceResource } from './costTypes';
import { costContext, totalOf, type CostTotal } from './costReport';
import { latencyPerHop, type LatencyEstimate } from './latency';
import { detectMesh, waypointOf } from './meshDetection';
import { waypointCosts } from './waypoints';
import { costWorkload, type WorkloadCost } from './workloadCost';
import { sumMoney, sumReported, type ReportedAmount } from './totals';
import type { MoneyParts } from './costTypes';

export const COMPARED_MESHES: readonly MeshName[] = ['istio', 'istio-ambient', 'linkerd', 'consul', 'none'];

export interface MeshComparison {
  readonly mesh: MeshName;
  /** Workloads (and, for ambient, waypoints) priced under this mesh. */
  readonly workloads: readonly WorkloadCost[];
  readonly proxies: { readonly amount: ReportedAmount; readonly money: MoneyParts };
  readonly controlPlane: readonly ControlPlaneCost[];
  readonly total: CostTotal;
  readonly latency: LatencyEstimate;
  readonly notes: readonly string[];
}

export interface ComparisonResult {
  /** How many workloads are compared, and which set. */
  readonly workloadCount: number;
  readonly basis: 'meshed' | 'all';
  readonly rows: readonly MeshComparison[];
}

export function compareMeshes(resources: readonly WorkspaceResource[], settings: Settings): ComparisonResult {
  const ctx = costContext(resources, settings);
  const decided = ctx.ws.workloads.map((entry) => ({ entry, decision: detectMesh(entry.template, entry.namespace, ctx.ws.namespaces.get(entry.namespace), settings.defaultMesh) }));
  let chosen = decided.filter((d) => d.decision.mesh !== 'none');
  let basis: ComparisonResult['basis'] = 'meshed';
  if (chosen.length === 0) {
    // Which of them could be meshed at all: ask the detector with every workload opted in.
    chosen = decided.filter((d) => detectMesh(d.entry.template, d.entry.namespace, undefined, 'istio').mesh !== 'none');
    basis = 'all';
  }
  const rows = COMPARED_MESHES.map((mesh): MeshComparison => {
    const notes: string[] = [];
    const workloads: WorkloadCost[] = [];
    for (const { entry } of chosen) {
      const waypoint = mesh === 'istio-ambient' ? waypointOf(entry.template, ctx.ws.namespaces.get(entry.namespace), entry.namespace) : undefined;
      const cost = costWorkload(entry, { mesh, reason: 'comparison', waypoint }, ctx);
      if (cost) workloads.push(cost);
    }
    if (mesh === 'istio-ambient') {
      const waypoints = waypointCosts(workloads, ctx);
      if (waypoints.length === 0) notes.push('L4 only: no waypoints are declared or named; each waypoint adds 100m / 128Mi for L7 features.');
      workloads.push(...waypoints);
    }
    const planes = mesh === 'none' ? [] : priceControlPlanes(new Set([mesh]), settings, ctx.prices);
    for (const p of planes) notes.push(...p.notes);
    if (mesh === 'linkerd' || mesh === 'consul') {
      const unset = workloads.filter((w) => w.proxy && w.proxy.requests.cpuMillicores === undefined && w.proxy.requests.memoryBytes === undefined);
      if (unset.length > 0) notes.push(`${unset.length} of ${workloads.length} workloads get proxies with no requests at ${mesh}'s chart defaults: priced at their usage estimate, or 0 without an expected request rate.`);
    }
    return {
      mesh,
      workloads,
      proxies: { amount: sumReported(workloads.map((w) => w.amount)), money: sumMoney(workloads.map((w) => w.money)) },
      controlPlane: planes,
      total: totalOf(workloads, planes),
      latency: latencyPerHop(mesh, mesh === 'istio-ambient' && workloads.some((w) => w.waypoint)),
      notes,
    };
  });
  return { workloadCount: chosen.length, basis, rows };
}
