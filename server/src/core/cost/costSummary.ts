// The workspace's mesh overhead in one line for the status bar, with a per-mesh breakdown
// for its tooltip: `₹5,833/month · aws-mumbai`. Formatting of the report's own totals.
import { costBreakdown } from './costBreakdown';
import { totalOf, type CostReport } from './costReport';
import { moneyExact, moneyShort } from './costDisplay';
import { moneyTotal, toMajor } from './totals';

export interface CostSummaryLine {
  readonly mesh: string;
  readonly label: string;
  readonly workloads: number;
  readonly monthlyMinor: number;
  readonly text: string;
}

export interface CostSummaryData {
  readonly profile: string;
  readonly currency: string;
  /** Total monthly overhead in minor units (paise for INR). */
  readonly monthlyMinor: number;
  /** The same in the currency, as the JSON contract prints it. */
  readonly monthlyCost: number;
  /** `₹5,833/month` */
  readonly text: string;
  /** `₹5,833/month · aws-mumbai` */
  readonly label: string;
  readonly workloads: number;
  readonly byMesh: readonly CostSummaryLine[];
  /** Markdown for a tooltip. */
  readonly tooltip: string;
}

export function costSummary(report: CostReport): CostSummaryData {
  const { currency, profile } = report.prices;
  const minor = moneyTotal(report.total.money);
  const text = `${moneyShort(minor, currency)}/month`;
  const groups = costBreakdown(report).byMesh;
  const byMesh = groups.map((g) => ({
    mesh: g.key,
    label: g.label,
    workloads: g.workloads.length,
    monthlyMinor: moneyTotal(g.total.money),
    text: moneyExact(moneyTotal(g.total.money), currency),
  }));
  const lines = groups.map((g) => {
    const proxies = moneyExact(moneyTotal(totalOf(g.workloads, []).money), currency);
    const plane = moneyExact(moneyTotal(totalOf([], g.controlPlane).money), currency);
    return `- ${g.label}: ${moneyExact(moneyTotal(g.total.money), currency)} (${g.workloads.length} workload${g.workloads.length === 1 ? '' : 's'} ${proxies}, control plane ${plane})`;
  });
  const tooltip = [
    `**Mesh overhead**: ${moneyExact(minor, currency)}/month at ${profile} prices`,
    lines.length > 0 ? lines.join('\n') : 'No workload is in a mesh.',
    'Click to choose the price profile.',
  ].join('\n\n');
  return { profile, currency, monthlyMinor: minor, monthlyCost: toMajor(minor), text, label: `${text} · ${profile}`, workloads: report.workloads.length, byMesh, tooltip };
}
