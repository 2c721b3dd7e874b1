// The cost report page shown in the VS Code webview ("Mumbai Mesh: Show Cost Report"), as a
// pure function of the core's report and comparison: the profile in use, a table per
// namespace, the control planes, bar charts by namespace and by mesh, the mesh comparison,
// right-sizing advice, and export buttons that post a message to the extension. Theme
// colours come from VS Code's CSS variables; the Content Security Policy allows only the
// nonce'd style and script and the webview's own source; nothing is loaded from anywhere.
import type { ComparisonResult, MeshComparison } from './compare';
import { costBreakdown, CONTROL_PLANE_GROUP, type CostGroup } from './costBreakdown';
import { totalOf, type CostReport, type CostTotal, type WorkloadReport } from './costReport';
import { cpuLabel, MESH_LABELS, memoryLabel, moneyExact, replicasLabel, workloadId, workloadMeshLabel } from './costDisplay';
import type { LatencyEstimate } from './latency';
import { barChart, escapeHtml as h, type Bar } from './reportChart';
import { moneyTotal } from './totals';

export interface ReportHtmlOptions {
  /** A fresh random value per render; the only script and style carry it. */
  readonly nonce: string;
  /** The webview's `cspSource`. */
  readonly cspSource: string;
  /** The price profile in use, as the user chose it. */
  readonly profile: string;
  /** A workload id (`kind/namespace/name`) to highlight and scroll to. */
  readonly focusWorkload?: string;
}

const MESH_COLOUR: Readonly<Record<string, string>> = {
  istio: 'c-istio',
  'istio-ambient': 'c-ambient',
  linkerd: 'c-linkerd',
  consul: 'c-consul',
  none: 'c-none',
  [CONTROL_PLANE_GROUP]: 'c-plane',
};
const NAMESPACE_COLOURS = ['c-0', 'c-1', 'c-2', 'c-3', 'c-4', 'c-5'];

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 24px; }
h1 { font-size: 1.5em; font-weight: 600; } h2 { font-size: 1.2em; margin-top: 1.8em; } h3 { font-size: 1em; margin: 1.2em 0 0.4em; }
.muted, figcaption, .note { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; margin: 0.3em 0 0.8em; min-width: 60%; } .table-wrap { overflow-x: auto; }
th, td { text-align: left; padding: 3px 10px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,0.35)); }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot th, tfoot td { border-bottom: none; font-weight: 600; color: var(--vscode-foreground); }
tr.focus td { background: var(--vscode-editor-selectionBackground); }
code, pre { font-family: var(--vscode-editor-font-family); }
pre { background: var(--vscode-textCodeBlock-background); padding: 6px 10px; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 5px 12px; margin-right: 8px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
.total strong { font-size: 1.3em; }
figure { margin: 0.5em 0 1em; } .charts { display: flex; flex-wrap: wrap; gap: 12px 32px; } svg.chart { max-width: 100%; height: auto; }
.chart text { fill: var(--vscode-foreground); font-size: 12px; } .chart .bar-value { fill: var(--vscode-descriptionForeground); }
.c-istio { fill: var(--vscode-charts-blue); } .c-ambient { fill: var(--vscode-charts-purple); } .c-linkerd { fill: var(--vscode-charts-green); }
.c-consul { fill: var(--vscode-charts-red); } .c-none { fill: var(--vscode-disabledForeground); } .c-plane { fill: var(--vscode-charts-yellow); }
.c-0 { fill: var(--vscode-charts-blue); } .c-1 { fill: var(--vscode-charts-orange); } .c-2 { fill: var(--vscode-charts-green); }
.c-3 { fill: var(--vscode-charts-purple); } .c-4 { fill: var(--vscode-charts-red); } .c-5 { fill: var(--vscode-charts-yellow); }
`;

// Export buttons post to the extension, which owns the save dialog; the focused row is
// scrolled into view. No other behaviour, no data fetched.
const SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  for (const button of document.querySelectorAll('button[data-export]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: 'export', format: button.dataset.export }));
  }
  const focus = document.querySelector('tr.focus');
  // vertically only: a row wider than a narrow panel must not scroll the page sideways
  if (focus) window.scrollTo({ top: focus.getBoundingClientRect().top + window.scrollY - window.innerHeight / 3 });
})();`;

function money(total: CostTotal | { money: WorkloadReport['money'] }, currency: string): string {
  return moneyExact(moneyTotal(total.money), currency);
}

function workloadRow(w: WorkloadReport, currency: string, focus: string | undefined, index: number): string {
  const id = workloadId(w);
  const focused = id === focus;
  return (
    `<tr id="w-${index}" data-workload="${h(id)}" data-monthly-minor="${moneyTotal(w.money)}"${focused ? ' class="focus" aria-current="true"' : ''}>` +
    `<td>${h(w.kind)}/${h(w.name)}</td><td class="muted">${h(w.file)}</td><td>${h(workloadMeshLabel(w))}</td>` +
    `<td class="num">${replicasLabel(w.replicas)}</td><td class="num">${cpuLabel(w.amount.cpuMillicores)}</td>` +
    `<td class="num">${memoryLabel(w.amount.memoryHundredthsMiB)}</td><td class="num">${money(w, currency)}</td></tr>`
  );
}

function namespaceTable(group: CostGroup, currency: string, focus: string | undefined, next: () => number): string {
  const head = `<thead><tr><th>Workload</th><th>File</th><th>Mesh</th><th class="num">Replicas</th><th class="num">Proxy CPU</th><th class="num">Proxy memory</th><th class="num">${h(currency)}/month</th></tr></thead>`;
  const rows = group.workloads.map((w) => workloadRow(w, currency, focus, next())).join('');
  const foot = `<tfoot><tr><th colspan="4">${h(group.label)}</th><td class="num">${cpuLabel(group.total.amount.cpuMillicores)}</td><td class="num">${memoryLabel(group.total.amount.memoryHundredthsMiB)}</td><td class="num">${money(group.total, currency)}</td></tr></tfoot>`;
  return `<h3>Namespace ${h(group.label)}</h3><div class="table-wrap"><table class="workloads" data-namespace="${h(group.key)}" data-monthly-minor="${moneyTotal(group.total.money)}">${head}<tbody>${rows}</tbody>${foot}</table></div>`;
}

function controlPlaneTable(report: CostReport, currency: string): string {
  if (report.controlPlane.length === 0) return '';
  const rows = report.controlPlane.map((p) => {
    const parts = p.components.map((c) => `${c.name} ×${c.replicas}`).join(', ') || 'no requests set';
    return `<tr data-mesh="${h(p.mesh)}" data-monthly-minor="${moneyTotal(p.money)}"><td>${h(p.mesh === 'istio' ? 'Istio' : MESH_LABELS[p.mesh])}</td><td>${h(parts)}</td><td class="num">${cpuLabel(p.amount.cpuMillicores)}</td><td class="num">${memoryLabel(p.amount.memoryHundredthsMiB)}</td><td class="num">${money(p, currency)}</td></tr>`;
  });
  return `<h3>Control plane</h3><div class="table-wrap"><table class="control-plane"><thead><tr><th>Mesh</th><th>Components</th><th class="num">CPU</th><th class="num">Memory</th><th class="num">${h(currency)}/month</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function latencyText(l: LatencyEstimate): string {
  if (l.mode === 'none') return 'none';
  const parts = [l.p50Ms !== undefined ? `P50 +${l.p50Ms} ms` : '', l.p90Ms !== undefined ? `P90 +${l.p90Ms} ms` : '', l.p99Ms !== undefined ? `P99 +${l.p99Ms} ms` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'not published';
}

function comparisonSection(comparison: ComparisonResult | undefined, currency: string): string {
  if (!comparison) return '';
  const which = comparison.basis === 'meshed' ? 'the workloads meshed today' : 'every workload that could be meshed (none is yet)';
  const plane = (row: MeshComparison) => totalOf([], row.controlPlane);
  const rows = comparison.rows.map((row) =>
    `<tr data-mesh="${h(row.mesh)}" data-monthly-minor="${moneyTotal(row.total.money)}"><td>${h(MESH_LABELS[row.mesh])}</td>` +
    `<td class="num">${cpuLabel(row.proxies.amount.cpuMillicores)}</td><td class="num">${memoryLabel(row.proxies.amount.memoryHundredthsMiB)}</td>` +
    `<td class="num">${money(row.proxies, currency)}</td><td class="num">${money(plane(row), currency)}</td><td class="num">${money(row.total, currency)}</td>` +
    `<td title="${h(row.latency.source)}">${h(latencyText(row.latency))}</td></tr>`,
  );
  const bars: Bar[] = comparison.rows.map((row) => ({ label: MESH_LABELS[row.mesh], minor: moneyTotal(row.total.money), text: money(row.total, currency), colour: MESH_COLOUR[row.mesh] }));
  const notes = comparison.rows.flatMap((row) => row.notes.map((n) => `<li>${h(MESH_LABELS[row.mesh])}: ${h(n)}</li>`));
  return (
    `<section id="comparison"><h2>Mesh comparison</h2><p class="muted">${comparison.workloadCount} workloads, ${which}, priced under each mesh.</p>` +
    `<div class="table-wrap"><table class="comparison"><thead><tr><th>Mesh</th><th class="num">Proxy CPU</th><th class="num">Proxy memory</th><th class="num">Proxies</th><th class="num">Control plane</th><th class="num">Total ${h(currency)}/month</th><th>Added latency per hop</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>` +
    `<figure><figcaption>Total by mesh</figcaption>${barChart('chart-comparison', 'Monthly cost of the same workloads under each mesh', bars)}</figure>` +
    (notes.length > 0 ? `<ul class="note">${notes.join('')}</ul>` : '') +
    '</section>'
  );
}

function adviceSection(report: CostReport): string {
  const advice = report.workloads.filter((w) => w.rightSizing);
  if (advice.length === 0) return '';
  const items = advice.map((w) => `<li data-workload="${h(workloadId(w))}"><strong>${h(w.namespace)}/${h(w.kind)}/${h(w.name)}</strong>: ${h(w.rightSizing!.message)}<pre>${h(w.rightSizing!.annotationText)}</pre></li>`);
  return `<section id="advice"><h2>Right-sizing (estimates)</h2><ul>${items.join('')}</ul></section>`;
}

function notesSection(report: CostReport): string {
  const notes = new Set<string>();
  for (const w of report.workloads) for (const n of w.notes) notes.add(`${w.namespace}/${w.name}: ${n}`);
  for (const p of report.controlPlane) for (const n of p.notes) notes.add(n);
  if (notes.size === 0) return '';
  return `<section id="notes"><h2>Notes</h2><ul class="note">${[...notes].map((n) => `<li>${h(n)}</li>`).join('')}</ul></section>`;
}

export function reportHtml(report: CostReport, comparison: ComparisonResult | undefined, options: ReportHtmlOptions): string {
  const { nonce, cspSource } = options;
  const p = report.prices;
  const currency = p.currency;
  const breakdown = costBreakdown(report);
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:;`;
  let rowIndex = 0;
  const next = () => rowIndex++;
  const focusFound = options.focusWorkload === undefined || report.workloads.some((w) => workloadId(w) === options.focusWorkload);

  const namespaceBars: Bar[] = breakdown.byNamespace.map((g, i) => ({
    label: g.label,
    minor: moneyTotal(g.total.money),
    text: money(g.total, currency),
    colour: g.key === CONTROL_PLANE_GROUP ? MESH_COLOUR[CONTROL_PLANE_GROUP] : NAMESPACE_COLOURS[i % NAMESPACE_COLOURS.length],
  }));
  const meshBars: Bar[] = breakdown.byMesh.map((g) => ({ label: g.label, minor: moneyTotal(g.total.money), text: money(g.total, currency), colour: MESH_COLOUR[g.key] }));
  const tables = breakdown.byNamespace.filter((g) => g.key !== CONTROL_PLANE_GROUP).map((g) => namespaceTable(g, currency, options.focusWorkload, next));

  const body = [
    '<header><h1>Mesh overhead</h1>',
    `<p class="profile">Profile <strong id="profile">${h(options.profile)}</strong> · ${h(currency)} ${p.cpuPerVcpuHour} per vCPU-hour, ${p.memoryPerGiBHour} per GiB-hour · ${p.hoursPerMonth} hours/month</p>`,
    `<p class="total">Total <strong id="total" data-monthly-minor="${moneyTotal(report.total.money)}">${money(report.total, currency)}</strong>/month · ${cpuLabel(report.total.amount.cpuMillicores)} CPU · ${memoryLabel(report.total.amount.memoryHundredthsMiB)} · ${report.workloads.length} meshed workloads</p>`,
    '<p class="actions"><button type="button" id="export-csv" data-export="csv">Export CSV</button><button type="button" id="export-json" data-export="json">Export JSON</button></p></header>',
    focusFound ? '' : `<p class="note" id="focus-missing">${h(options.focusWorkload ?? '')} is not in a mesh, so it is not in this report.</p>`,
    report.workloads.length === 0 ? '<p class="note">No workload is in a mesh (no injection label or annotation; mumbaiMesh.defaultMesh is none).</p>' : '',
    '<section id="charts" class="charts">',
    `<figure><figcaption>Cost by namespace</figcaption>${barChart('chart-namespace', 'Monthly mesh overhead by namespace', namespaceBars)}</figure>`,
    `<figure><figcaption>Cost by mesh</figcaption>${barChart('chart-mesh', 'Monthly mesh overhead by mesh', meshBars)}</figure>`,
    '</section>',
    `<section id="workloads"><h2>Workloads</h2>${tables.join('')}${controlPlaneTable(report, currency)}</section>`,
    comparisonSection(comparison, currency),
    adviceSection(report),
    notesSection(report),
  ].join('\n');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Mesh cost report</title>
<style nonce="${h(nonce)}">${STYLE}</style>
</head>
<body>
${body}
<script nonce="${h(nonce)}">${SCRIPT}</script>
</body>
</html>
`;
}
