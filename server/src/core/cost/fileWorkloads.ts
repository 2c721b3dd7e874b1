// Which of a report's workloads sit in one analysed file, and where. A workload's `resource`
// is the very object the file's analysis returned, so identity finds it. While an edit is
// still being validated the report may be one analysis behind; then the workload with the
// same file, kind, namespace and name stands in until the next refresh.
import type { AnalyzedFile } from '../analyzeFile';
import type { Resource } from '../parse/extractResources';
import type { CostReport, WorkloadReport } from './costReport';
import { DEFAULT_NAMESPACE } from './costWorkspace';

export interface PlacedWorkload {
  readonly workload: WorkloadReport;
  readonly resource: Resource;
  /** Offset of the resource's YAML document in the file (node ranges are relative to it). */
  readonly documentOffset: number;
}

export function findWorkload(report: CostReport, resource: Resource, fileKey?: string): WorkloadReport | undefined {
  // An undeclared waypoint is reported with its first user's resource but kind `Waypoint`:
  // the kind keeps it off that user's line.
  const same = report.workloads.find((w) => w.resource === resource && w.kind === resource.kind);
  if (same || fileKey === undefined) return same;
  const namespace = resource.namespace ?? DEFAULT_NAMESPACE;
  return report.workloads.find((w) => w.file === fileKey && w.kind === resource.kind && w.name === resource.name && w.namespace === namespace);
}

/** The file's meshed workloads (and waypoints), in file order. */
export function workloadsInFile(report: CostReport, file: AnalyzedFile, fileKey?: string): PlacedWorkload[] {
  const placed: PlacedWorkload[] = [];
  for (const { offset, analysis } of file.documents) {
    for (const resource of analysis.resources) {
      const workload = findWorkload(report, resource, fileKey);
      if (workload) placed.push({ workload, resource, documentOffset: offset });
    }
  }
  return placed;
}

/** Absolute offset where the resource's text starts. */
export function resourceStart(p: { resource: Resource; documentOffset: number }): number {
  const range = (p.resource.node as { range?: readonly number[] }).range;
  return p.documentOffset + (range?.[0] ?? 0);
}
