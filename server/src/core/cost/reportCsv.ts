// The report as CSV (RFC 4180: CRLF lines, quoted where needed), for the report's "Export
// CSV" button. One row per meshed workload, one per control plane, the total, and with a
// comparison one row per mesh. Numbers are the JSON export's (costJson.ts): CPU in
// millicores, memory in MiB, money in the currency with two decimals.
import type { ComparisonResult } from './compare';
import type { CostReport } from './costReport';
import type { MoneyParts } from './costTypes';
import { hundredthsToMiB, moneyTotal, type ReportedAmount } from './totals';

export const CSV_COLUMNS = ['section', 'file', 'kind', 'namespace', 'name', 'mesh', 'replicas', 'proxyCpuMillicores', 'proxyMemoryMiB', 'monthlyCost', 'currency', 'profile'] as const;

export interface CsvOptions {
  readonly compare?: ComparisonResult;
}

type Cell = string | number;

/** Minor units → `643.32`, exactly (no floating-point division). */
function decimal(minor: number): string {
  const abs = Math.abs(minor);
  return `${minor < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function cell(value: Cell): string {
  if (typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(value)) return String(value);
  // A spreadsheet runs a cell that starts like a formula; names and paths never need to.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function amountCells(a: ReportedAmount, money: MoneyParts): Cell[] {
  return [a.cpuMillicores, hundredthsToMiB(a.memoryHundredthsMiB), decimal(moneyTotal(money))];
}

export function reportCsv(report: CostReport, options: CsvOptions = {}): string {
  const { currency, profile } = report.prices;
  const rows: Cell[][] = [[...CSV_COLUMNS]];
  for (const w of report.workloads) {
    rows.push(['workload', w.file, w.kind, w.namespace, w.name, w.mesh, w.replicas, ...amountCells(w.amount, w.money), currency, profile]);
  }
  for (const p of report.controlPlane) {
    const parts = p.components.map((c) => `${c.name} x${c.replicas}`).join('; ');
    rows.push(['controlPlane', '', '', '', parts, p.mesh, '', ...amountCells(p.amount, p.money), currency, profile]);
  }
  rows.push(['total', '', '', '', '', '', '', ...amountCells(report.total.amount, report.total.money), currency, profile]);
  for (const row of options.compare?.rows ?? []) {
    rows.push(['compare', '', '', '', `${row.workloads.length} workloads`, row.mesh, '', ...amountCells(row.total.amount, row.total.money), currency, profile]);
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
