// What the user sees above each meshed workload in a manifest:
//   Istio sidecar ×3 · 300m CPU · 384Mi · ₹643/month (aws-mumbai)
// the proxies over all replicas and their monthly cost at the active profile, straight from
// the CostReport. Clicking it opens the report at that workload. No lens on workloads that
// are not in a mesh; one lens per workload resource, on its first line.
import type { CodeLens } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../analyzeFile';
import type { CostReport, WorkloadReport } from './costReport';
import { cpuLabel, memoryLabel, moneyShort, replicasLabel, workloadId, workloadMeshLabel } from './costDisplay';
import { resourceStart, workloadsInFile } from './fileWorkloads';
import type { Prices } from './pricing';
import { moneyTotal } from './totals';

/** The command a lens runs (contributed by the VS Code client); its one argument is the workload id. */
export const SHOW_COST_REPORT_COMMAND = 'mumbaiMesh.showCostReport';

export function costLensTitle(w: WorkloadReport, prices: Pick<Prices, 'currency' | 'profile'>): string {
  const parts = [`${workloadMeshLabel(w)} ×${replicasLabel(w.replicas)}`];
  if (w.proxy) {
    parts.push(`${cpuLabel(w.amount.cpuMillicores)} CPU`, memoryLabel(w.amount.memoryHundredthsMiB));
  } else {
    // Ambient: the node ztunnels and any waypoint carry the traffic, priced on their own.
    parts.push(w.waypoint ? `no sidecar, waypoint ${w.waypoint.namespace}/${w.waypoint.name}` : 'no sidecar (node ztunnel)');
  }
  parts.push(`${moneyShort(moneyTotal(w.money), prices.currency)}/month (${prices.profile})`);
  return parts.join(' · ');
}

export interface CostLensOptions {
  /** The `file` this document's resources carry in the report, for matching while it is one edit behind. */
  readonly fileKey?: string;
}

export function costCodeLenses(report: CostReport, file: AnalyzedFile, options: CostLensOptions = {}): CodeLens[] {
  const lenses: CodeLens[] = [];
  const lines = new Set<number>();
  for (const placed of workloadsInFile(report, file, options.fileKey)) {
    const { line } = file.lineIndex.positionAt(resourceStart(placed));
    if (lines.has(line)) continue;
    lines.add(line);
    const position = { line, character: 0 };
    lenses.push({
      range: { start: position, end: position },
      command: { title: costLensTitle(placed.workload, report.prices), command: SHOW_COST_REPORT_COMMAND, arguments: [workloadId(placed.workload)] },
    });
  }
  return lenses;
}
