// The workspace's mesh overhead: every meshed workload and waypoint, each mesh's control
// plane once, and the total, which is the exact sum of those parts (totals.ts).
import type { MeshName, Settings } from '../settings';
import { priceControlPlanes, type ControlPlaneCost } from './controlPlane';
import { buildCostWorkspace, type CostWorkspace } from './costWorkspace';
import type { DataPlane, MoneyParts, WorkspaceResource } from './costTypes';
import { detectMesh } from './meshDetection';
import { resolvePrices, type Prices } from './pricing';
import { rightSizing, type RightSizingAdvice } from './rightSizing';
import { addMoney, sumMoney, sumReported, type ReportedAmount } from './totals';
import { waypointCosts } from './waypoints';
import { costWorkload, type CostContext, type WorkloadCost } from './workloadCost';

export interface WorkloadReport extends WorkloadCost {
  readonly rightSizing?: RightSizingAdvice;
}

export interface CostTotal {
  readonly amount: ReportedAmount;
  readonly money: MoneyParts;
}

export interface CostReport {
  readonly prices: Prices;
  readonly workloads: readonly WorkloadReport[];
  readonly controlPlane: readonly ControlPlaneCost[];
  readonly total: CostTotal;
  readonly meshesInUse: readonly DataPlane[];
}

const MESH_ORDER: readonly DataPlane[] = ['istio', 'istio-ambient', 'linkerd', 'consul'];

export function totalOf(workloads: readonly WorkloadCost[], planes: readonly ControlPlaneCost[]): CostTotal {
  return {
    amount: sumReported([...workloads.map((w) => w.amount), ...planes.map((p) => p.amount)]),
    money: addMoney(sumMoney(workloads.map((w) => w.money)), sumMoney(planes.map((p) => p.money))),
  };
}

export function costContext(resources: readonly WorkspaceResource[], settings: Settings, ws?: CostWorkspace): CostContext {
  return { ws: ws ?? buildCostWorkspace(resources), settings, prices: resolvePrices(settings) };
}

/** Prices the workspace for the settings' profile; `resources` in workspace order. */
export function computeCost(resources: readonly WorkspaceResource[], settings: Settings): CostReport {
  const ctx = costContext(resources, settings);
  const meshed: WorkloadCost[] = [];
  for (const entry of ctx.ws.workloads) {
    const decision = detectMesh(entry.template, entry.namespace, ctx.ws.namespaces.get(entry.namespace), settings.defaultMesh);
    const cost = costWorkload(entry, decision, ctx);
    if (cost) meshed.push(cost);
  }
  const waypoints = waypointCosts(meshed.filter((w) => w.mesh === 'istio-ambient'), ctx);
  const workloads: WorkloadReport[] = [...meshed, ...waypoints].map((w) => {
    const advice = rightSizing(w, settings.cost.rightSizingFactor, ctx.prices);
    return advice ? { ...w, rightSizing: advice } : w;
  });
  const inUse = new Set<MeshName>(workloads.map((w) => w.mesh));
  const controlPlane = priceControlPlanes(inUse, settings, ctx.prices);
  return {
    prices: ctx.prices,
    workloads,
    controlPlane,
    total: totalOf(workloads, controlPlane),
    meshesInUse: MESH_ORDER.filter((m) => inUse.has(m)),
  };
}
