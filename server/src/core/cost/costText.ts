// The plain-text rendering of a cost report (the CLI's default format): one table of
// meshed workloads by file, the control planes, the total, advice and notes; then the
// mesh comparison and the TCO view when asked for. Pure: returns a string.
import type { ComparisonResult } from './compare';
import type { CostReport } from './costReport';
import type { MoneyParts } from './costTypes';
import type { TcoResult } from './tco';
import { moneyTotal, type ReportedAmount } from './totals';

export interface CostTextOptions {
  readonly compare?: ComparisonResult;
  readonly tco?: TcoResult;
  /** Where the TCO figures came from; undefined = no file, all team figures 0. */
  readonly tcoFile?: string;
}

/** 123456 minor units → `1,234.56`. */
export function formatMoney(minor: number): string {
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

function cpuText(m: number): string {
  return `${m}m`;
}

function memText(hundredths: number): string {
  return `${hundredths % 100 === 0 ? hundredths / 100 : (hundredths / 100).toFixed(2)}Mi`;
}

function table(rows: readonly (readonly string[])[], rightAligned: readonly number[]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd());
}

function amountCells(a: ReportedAmount, money: MoneyParts): string[] {
  return [cpuText(a.cpuMillicores), memText(a.memoryHundredthsMiB), formatMoney(moneyTotal(money))];
}

const MESH_LABEL: Readonly<Record<string, string>> = { istio: 'Istio sidecar', 'istio-ambient': 'Istio ambient', linkerd: 'Linkerd', consul: 'Consul', none: 'no mesh' };
const PLANE_LABEL: Readonly<Record<string, string>> = { ...MESH_LABEL, istio: 'Istio' };

export function formatCostText(report: CostReport, options: CostTextOptions = {}): string {
  const p = report.prices;
  const out: string[] = [];
  out.push(`Mesh overhead · profile ${p.profile} · ${p.currency} ${p.cpuPerVcpuHour}/vCPU-hour, ${p.memoryPerGiBHour}/GiB-hour · ${p.hoursPerMonth} hours/month`);
  out.push('');
  if (report.workloads.length === 0) {
    out.push('No workload is in a mesh (no injection label or annotation; mumbaiMesh.defaultMesh / --default-mesh is none).');
  } else {
    const rows: string[][] = [['WORKLOAD', 'MESH', 'REPLICAS', 'PROXY CPU', 'PROXY MEMORY', `${p.currency}/MONTH`]];
    let file = '';
    const fileRows: number[] = [];
    for (const w of report.workloads) {
      if (w.file !== file) {
        file = w.file;
        fileRows.push(rows.length);
        rows.push([file, '', '', '', '', '']);
      }
      rows.push([`  ${w.namespace}/${w.kind}/${w.name}`, MESH_LABEL[w.mesh], String(w.replicas), ...amountCells(w.amount, w.money)]);
    }
    if (report.controlPlane.length > 0) rows.push(['Control plane', '', '', '', '', '']);
    for (const plane of report.controlPlane) {
      const parts = plane.components.map((c) => `${c.name} ×${c.replicas}`).join(', ') || 'no requests set';
      rows.push([`  ${parts}`, PLANE_LABEL[plane.mesh], '', ...amountCells(plane.amount, plane.money)]);
    }
    rows.push(['TOTAL', '', '', ...amountCells(report.total.amount, report.total.money)]);
    const lines = table(rows, [2, 3, 4, 5]);
    // File header rows hold only the path: print it without padding.
    for (const i of fileRows) lines[i] = rows[i][0];
    out.push(...lines);
  }

  const advice = report.workloads.filter((w) => w.rightSizing);
  if (advice.length > 0) {
    out.push('', 'Right-sizing (estimates):');
    for (const w of advice) {
      const a = w.rightSizing!;
      out.push(`  ${w.namespace}/${w.kind}/${w.name}: ${a.message}`);
      for (const line of a.annotationText.split('\n')) out.push(`      ${line}`);
    }
  }

  const notes = new Set<string>();
  for (const w of report.workloads) for (const n of w.notes) notes.add(`${w.namespace}/${w.name}: ${n}`);
  for (const plane of report.controlPlane) for (const n of plane.notes) notes.add(n);
  if (notes.size > 0) {
    out.push('', 'Notes:');
    for (const n of notes) out.push(`  - ${n}`);
  }

  if (options.compare) out.push('', ...compareText(options.compare, p.currency));
  if (options.tco) out.push('', ...tcoText(options.tco, options.tcoFile));
  return `${out.join('\n')}\n`;
}

function latencyText(l: { mode: string; p50Ms?: number; p90Ms?: number; p99Ms?: number }): string {
  if (l.mode === 'none') return 'none';
  const parts = [l.p50Ms !== undefined ? `P50 +${l.p50Ms} ms` : '', l.p90Ms !== undefined ? `P90 +${l.p90Ms} ms` : '', l.p99Ms !== undefined ? `P99 +${l.p99Ms} ms` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'not published';
}

function compareText(compare: ComparisonResult, currency: string): string[] {
  const which = compare.basis === 'meshed' ? 'the workloads meshed today' : 'every workload (none is meshed yet)';
  const out = [`Comparison: ${compare.workloadCount} workloads, ${which}, under each mesh`];
  const rows: string[][] = [['MESH', 'PROXY CPU', 'PROXY MEMORY', 'PROXIES', 'CONTROL PLANE', `TOTAL ${currency}/MONTH`, 'ADDED LATENCY PER HOP']];
  for (const row of compare.rows) {
    const plane = row.controlPlane.reduce((s, p) => s + moneyTotal(p.money), 0);
    rows.push([MESH_LABEL[row.mesh], cpuText(row.proxies.amount.cpuMillicores), memText(row.proxies.amount.memoryHundredthsMiB), formatMoney(moneyTotal(row.proxies.money)), formatMoney(plane), formatMoney(moneyTotal(row.total.money)), latencyText(row.latency)]);
  }
  out.push(...table(rows, [1, 2, 3, 4, 5]));
  for (const row of compare.rows) {
    if (row.latency.mode !== 'none') out.push(`  ${MESH_LABEL[row.mesh]} latency: ${row.latency.source}`);
    for (const n of row.notes) out.push(`  ${MESH_LABEL[row.mesh]}: ${n}`);
  }
  return out;
}

function tcoText(t: TcoResult, file: string | undefined): string[] {
  const out = [`Total cost of ownership over ${t.months / 12} years (${t.currency})${file ? ` from ${file}` : ''}`];
  if (!file) out.push('  No .mumbai-mesh/tco.yaml found: the team\'s own costs and benefits count as 0.');
  const rows: string[][] = [
    ['  Infrastructure (mesh overhead) / month', formatMoney(t.infrastructureMonthly) + (t.infrastructureSource === 'computed' ? '' : ' (tco.yaml)')],
    ...t.lines.monthlyCosts.map((l) => [`  ${l.name} / month`, formatMoney(l.amount)]),
    ['  Monthly cost', formatMoney(t.monthlyCost)],
    ...t.lines.oneTimeCosts.map((l) => [`  ${l.name} (one-time)`, formatMoney(l.amount)]),
    ['  One-time cost', formatMoney(t.oneTimeCost)],
    ...t.lines.monthlyBenefits.map((l) => [`  ${l.name} / month`, formatMoney(l.amount)]),
    ['  Monthly benefit', formatMoney(t.monthlyBenefit)],
    [`  ${t.months}-month cost`, formatMoney(t.threeYearCost)],
    [`  ${t.months}-month benefit`, formatMoney(t.threeYearBenefit)],
    ['  Net benefit', formatMoney(t.netBenefit)],
  ];
  out.push(...table(rows, [1]));
  out.push(`  ROI: ${t.roiPercent === null ? 'n/a (no cost)' : `${t.roiPercent}%`}`);
  out.push(`  Payback: ${t.paybackMonth === null ? 'never (the monthly benefit does not exceed the monthly cost)' : `month ${t.paybackMonth}${t.paybackMonth > t.months ? ` (after the ${t.months}-month horizon)` : ''}`}`);
  return out;
}
