// The JSON shape of `mumbai-mesh cost --format json` (../shared/CONTRACTS.md), shared by
// the CLI and the report's JSON export. The contract's keys never change; --compare and
// --tco only add the `compare` and `tco` keys.
import type { ComparisonResult } from './compare';
import type { CostReport } from './costReport';
import type { TcoResult } from './tco';
import { hundredthsToMiB, moneyTotal, toMajor, type ReportedAmount } from './totals';
import type { MoneyParts } from './costTypes';

export interface CostJsonOptions {
  readonly compare?: ComparisonResult;
  readonly tco?: TcoResult;
}

function amountJson(a: ReportedAmount, money: MoneyParts) {
  return { cpuMillicores: a.cpuMillicores, memoryMiB: hundredthsToMiB(a.memoryHundredthsMiB), monthlyCost: toMajor(moneyTotal(money)) };
}

export function costReportJson(report: CostReport, options: CostJsonOptions = {}): Record<string, unknown> {
  const json: Record<string, unknown> = {
    profile: report.prices.profile,
    currency: report.prices.currency,
    workloads: report.workloads.map((w) => ({
      file: w.file,
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      mesh: w.mesh,
      replicas: w.replicas,
      proxy: { cpuMillicores: w.amount.cpuMillicores, memoryMiB: hundredthsToMiB(w.amount.memoryHundredthsMiB) },
      monthlyCost: toMajor(moneyTotal(w.money)),
    })),
    controlPlane: report.controlPlane.map((p) => ({ mesh: p.mesh, ...amountJson(p.amount, p.money) })),
    total: amountJson(report.total.amount, report.total.money),
  };
  if (options.compare) {
    json.compare = options.compare.rows.map((row) => ({
      mesh: row.mesh,
      workloads: row.workloads.length,
      proxy: amountJson(row.proxies.amount, row.proxies.money),
      controlPlane: amountJson(
        { cpuMillicores: row.controlPlane.reduce((s, p) => s + p.amount.cpuMillicores, 0), memoryHundredthsMiB: row.controlPlane.reduce((s, p) => s + p.amount.memoryHundredthsMiB, 0) },
        { cpu: row.controlPlane.reduce((s, p) => s + p.money.cpu, 0), memory: row.controlPlane.reduce((s, p) => s + p.money.memory, 0) },
      ),
      total: amountJson(row.total.amount, row.total.money),
      latency: { mode: row.latency.mode, p50Ms: row.latency.p50Ms ?? null, p90Ms: row.latency.p90Ms ?? null, p99Ms: row.latency.p99Ms ?? null, source: row.latency.source },
      notes: row.notes,
    }));
  }
  if (options.tco) {
    const t = options.tco;
    const group = (g: keyof TcoResult['lines']) => Object.fromEntries(t.lines[g].map((l) => [l.name, toMajor(l.amount)]));
    json.tco = {
      currency: t.currency,
      months: t.months,
      infrastructureMonthly: toMajor(t.infrastructureMonthly),
      monthlyCosts: group('monthlyCosts'),
      oneTimeCosts: group('oneTimeCosts'),
      monthlyBenefits: group('monthlyBenefits'),
      monthlyCost: toMajor(t.monthlyCost),
      monthlyBenefit: toMajor(t.monthlyBenefit),
      oneTimeCost: toMajor(t.oneTimeCost),
      threeYearCost: toMajor(t.threeYearCost),
      threeYearBenefit: toMajor(t.threeYearBenefit),
      netBenefit: toMajor(t.netBenefit),
      roiPercent: t.roiPercent,
      paybackMonth: t.paybackMonth,
    };
  }
  return json;
}
