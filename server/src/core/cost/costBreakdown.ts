// The report's totals split two ways, for the report's tables and charts and the status
// bar's tooltip: by namespace (each mesh's control plane as a group of its own) and by mesh
// (its workloads plus its control plane). Each split adds up to the report's total exactly:
// every group total is totalOf() over its parts, integer paise, no re-rounding.
import type { ControlPlaneCost } from './controlPlane';
import { totalOf, type CostReport, type CostTotal, type WorkloadReport } from './costReport';
import { MESH_LABELS } from './costDisplay';

export interface CostGroup {
  /** A namespace, a mesh name, or CONTROL_PLANE_GROUP. */
  readonly key: string;
  readonly label: string;
  readonly workloads: readonly WorkloadReport[];
  readonly controlPlane: readonly ControlPlaneCost[];
  readonly total: CostTotal;
}

export interface CostBreakdown {
  /** Namespaces in name order, then the control planes (when any mesh is in use). */
  readonly byNamespace: readonly CostGroup[];
  /** Meshes in use, in the report's order. */
  readonly byMesh: readonly CostGroup[];
}

export const CONTROL_PLANE_GROUP = '(control plane)';

export function costBreakdown(report: CostReport): CostBreakdown {
  const namespaces = [...new Set(report.workloads.map((w) => w.namespace))].sort();
  const byNamespace: CostGroup[] = namespaces.map((ns) => {
    const workloads = report.workloads.filter((w) => w.namespace === ns);
    return { key: ns, label: ns, workloads, controlPlane: [], total: totalOf(workloads, []) };
  });
  if (report.controlPlane.length > 0) {
    byNamespace.push({ key: CONTROL_PLANE_GROUP, label: 'control plane', workloads: [], controlPlane: report.controlPlane, total: totalOf([], report.controlPlane) });
  }
  const byMesh: CostGroup[] = report.meshesInUse.map((mesh) => {
    const workloads = report.workloads.filter((w) => w.mesh === mesh);
    const controlPlane = report.controlPlane.filter((p) => p.mesh === mesh);
    return { key: mesh, label: MESH_LABELS[mesh], workloads, controlPlane, total: totalOf(workloads, controlPlane) };
  });
  return { byNamespace, byMesh };
}
