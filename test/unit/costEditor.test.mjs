// The editor's cost views as pure functions (issue 6): CodeLens, hover, inlay hints, the
// report page, CSV, the status bar summary. Every number they show must be the core's:
// expectations are the hand-computed figures of test/unit/costMeshes.test.mjs (aws-mumbai:
// 100m = 182.50, 50m = 91.25, 128Mi = 31.94, 64Mi = 15.97 per pod and month) or
// computeCost run on the same text with and without the value in question.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { core } from '../support/core.mjs';
import { marked } from '../support/markers.mjs';

const service = core.createMeshService({ validateResource: () => [] });
const settingsOf = (section = {}) => {
  const { settings, warnings } = core.normaliseSettings(section);
  assert.deepEqual(warnings, []);
  return settings;
};
const read = (name) => fs.readFileSync(new URL(`../fixtures/cost/${name}`, import.meta.url), 'utf8');

/** `[[name, text]]` → each file's analysis and the resources as the cost core takes them. */
function workspace(entries) {
  const files = Object.fromEntries(entries.map(([name, text]) => [name, service.analyze(text, core.DEFAULT_SETTINGS)]));
  const resources = Object.entries(files).flatMap(([name, file]) => file.documents.flatMap((d) => d.analysis.resources.map((resource) => ({ file: name, resource }))));
  return { files, resources };
}

function reportOf(entries, section) {
  const ws = workspace(entries);
  return { ...ws, report: core.computeCost(ws.resources, settingsOf(section)) };
}

/** Monthly cost in paise of one workload of `text`, straight from computeCost. */
function monthly(text, name, section) {
  const w = reportOf([['f.yaml', text]], section).report.workloads.find((x) => x.name === name);
  return w ? core.moneyTotal(w.money) : 0;
}
const inr = (minor) => core.moneyExact(minor, 'INR');

const ISTIO_NS = `apiVersion: v1
kind: Namespace
metadata:
  name: pay
  labels:
    istio-injection: enabled
---
`;
function deployment({ name = 'api', namespace = 'pay', replicas = 2, annotations = [] } = {}) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
      annotations:
${annotations.map((a) => `        ${a}`).join('\n')}
    spec:
      containers:
        - name: ${name}
          image: registry.example/${name}:1
`;
}

function hoverAt(source, section, entries = []) {
  const { text, offsets } = marked(source);
  const ws = workspace([...entries, ['f.yaml', text]]);
  return { text, hover: core.costHover({ file: ws.files['f.yaml'], offset: offsets[0], resources: ws.resources, fileKey: 'f.yaml', settings: settingsOf(section) }) };
}

// ---- formatting ----------------------------------------------------------------------

test('money labels: exact with two decimals; short as whole units from 100 up', () => {
  assert.deepEqual([0, 1, 9999, 10000, 64332, 583349, 123456789].map((m) => core.moneyShort(m, 'INR')), ['₹0', '₹0.01', '₹99.99', '₹100', '₹643', '₹5,833', '₹1,234,568']);
  assert.deepEqual([18250, 231320].map((m) => core.moneyExact(m, 'INR')), ['₹182.50', '₹2,313.20']);
  assert.deepEqual([core.moneyExact(150, 'USD'), core.moneyExact(150, 'CHF'), core.moneyShort(-20000, 'EUR')], ['$1.50', 'CHF 1.50', '-€200']);
  assert.deepEqual([core.memoryLabel(38400), core.memoryLabel(12345), core.cpuLabel(300), core.replicasLabel(0.25)], ['384Mi', '123.45Mi', '300m', '0.25']);
});

// ---- CodeLens ------------------------------------------------------------------------

test('CodeLens: one per meshed workload on its first line, the report\'s numbers, the report command with the workload id', () => {
  const { report, files } = reportOf([['ns.yaml', read('istio-payments/namespace.yaml')], ['w.yaml', read('istio-payments/workloads.yaml')]]);
  const lenses = core.costCodeLenses(report, files['w.yaml']);
  const lines = read('istio-payments/workloads.yaml').split('\n');
  const at = (name) => lines.findIndex((l) => l === `  name: ${name}`) - 3; // apiVersion, kind, metadata, name
  assert.deepEqual(lenses, [
    { range: { start: { line: at('api'), character: 0 }, end: { line: at('api'), character: 0 } }, command: { title: 'Istio sidecar ×3 · 300m CPU · 384Mi · ₹643/month (aws-mumbai)', command: 'mumbaiMesh.showCostReport', arguments: ['Deployment/payments/api'] } },
    { range: { start: { line: at('cpu-only'), character: 0 }, end: { line: at('cpu-only'), character: 0 } }, command: { title: 'Istio sidecar ×2 · 100m CPU · 0Mi · ₹183/month (aws-mumbai)', command: 'mumbaiMesh.showCostReport', arguments: ['Deployment/payments/cpu-only'] } },
    { range: { start: { line: at('limit-only'), character: 0 }, end: { line: at('limit-only'), character: 0 } }, command: { title: 'Istio sidecar ×1 · 0m CPU · 256Mi · ₹63.88/month (aws-mumbai)', command: 'mumbaiMesh.showCostReport', arguments: ['Deployment/payments/limit-only'] } },
  ]);
  assert.deepEqual(core.costCodeLenses(report, files['ns.yaml']), [], 'no lens on the Namespace');
  // each title is built from the report's own workload
  for (const [i, name] of ['api', 'cpu-only', 'limit-only'].entries()) {
    const w = report.workloads.find((x) => x.name === name);
    assert.equal(lenses[i].command.title, core.costLensTitle(w, report.prices));
    assert.ok(lenses[i].command.title.includes(core.moneyShort(core.moneyTotal(w.money), 'INR')));
  }
});

test('CodeLens: ambient workloads say they have no sidecar, waypoints are priced; nothing without a mesh', () => {
  const { report, files } = reportOf([['a.yaml', read('ambient/ambient.yaml')]]);
  const titles = core.costCodeLenses(report, files['a.yaml']).map((l) => l.command.title);
  const waypoint = report.workloads.find((w) => w.kind === 'Gateway');
  assert.ok(titles.includes(`Istio waypoint ×1 · 100m CPU · 128Mi · ${core.moneyShort(core.moneyTotal(waypoint.money), 'INR')}/month (aws-mumbai)`), titles.join('\n'));
  assert.ok(titles.some((t) => /^Istio ambient ×2 · no sidecar, waypoint orders\/orders-waypoint · ₹0\/month \(aws-mumbai\)$/.test(t)), titles.join('\n'));

  const plain = reportOf([['p.yaml', deployment({ namespace: 'shop' })]]);
  assert.deepEqual(core.costCodeLenses(plain.report, plain.files['p.yaml']), []);
  const meshed = reportOf([['p.yaml', deployment({ namespace: 'shop' })]], { defaultMesh: 'istio', cost: { profile: 'gcp-mumbai' } });
  // 2 × (100m at 2.2 = 160.60 + 128Mi at 0.30 = 27.375 → 27.38) = 375.96
  assert.deepEqual(core.costCodeLenses(meshed.report, meshed.files['p.yaml']).map((l) => l.command.title), ['Istio sidecar ×2 · 200m CPU · 256Mi · ₹376/month (gcp-mumbai)']);
  assert.equal(core.moneyTotal(meshed.report.workloads[0].money), 37596);
});

test('CodeLens: a List of workloads gets a lens per item; a report one edit behind still places lenses by name', () => {
  const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: { name: a, namespace: x, labels: { sidecar.istio.io/inject: "true" } }
    spec: { containers: [{ name: a, image: a }] }
  - apiVersion: v1
    kind: Pod
    metadata: { name: b, namespace: x, labels: { sidecar.istio.io/inject: "true" } }
    spec: { containers: [{ name: b, image: b }] }
`;
  const { report, files } = reportOf([['l.yaml', list]]);
  assert.deepEqual(core.costCodeLenses(report, files['l.yaml']).map((l) => [l.range.start.line, l.command.arguments[0]]), [[3, 'Pod/x/a'], [7, 'Pod/x/b']]);

  const edited = service.analyze(`# a comment added above\n${list}`, core.DEFAULT_SETTINGS);
  assert.deepEqual(core.costCodeLenses(report, edited), [], 'without the file key nothing matches by identity');
  assert.deepEqual(core.costCodeLenses(report, edited, { fileKey: 'l.yaml' }).map((l) => l.range.start.line), [4, 8]);
});

// ---- hover -----------------------------------------------------------------------------

test('hover on a lone Istio annotation: its cost, Istio\'s defaults, the saving, and the all-or-nothing rule', () => {
  const { text, hover } = hoverAt(ISTIO_NS + deployment({ annotations: ['sidecar.istio.io/pr|oxyCPU: 50m'] }));
  const withIt = monthly(text, 'api');
  const without = monthly(ISTIO_NS + deployment(), 'api');
  assert.deepEqual([withIt, without], [18250, 42888], 'hand-computed: 2 × 91.25; 2 × (182.50 + 31.94)');
  assert.equal(hover.markdown, [
    `**Proxy cost** (aws-mumbai) · \`sidecar.istio.io/proxyCPU: 50m\`: ${inr(withIt)}/month for Istio sidecar ×2 (proxy 50m CPU).`,
    `Without this annotation, at Istio's defaults (100m CPU / 128Mi memory): ${inr(without)}/month, so this value saves ${inr(without - withIt)}/month.`,
    'Once any sidecar.istio.io/proxy* annotation is set, Istio drops every default: this proxy has no memory request, CPU limit and memory limit.',
  ].join('\n\n'));
  const line = text.split('\n').findIndex((l) => l.includes('proxyCPU'));
  assert.deepEqual(hover.range, { start: { line, character: 8 }, end: { line, character: 8 + 'sidecar.istio.io/proxyCPU: 50m'.length } });
});

test('hover with several Istio annotations: this line against the rest, and all of them against the defaults', () => {
  const both = ['sidecar.istio.io/proxyCPU: 50m', 'sidecar.istio.io/proxyMemory: 6|4Mi'];
  const { text, hover } = hoverAt(ISTIO_NS + deployment({ annotations: both }));
  const withIt = monthly(text, 'api');
  const cpuOnly = monthly(ISTIO_NS + deployment({ annotations: ['sidecar.istio.io/proxyCPU: 50m'] }), 'api');
  const defaults = monthly(ISTIO_NS + deployment(), 'api');
  assert.deepEqual([withIt, cpuOnly, defaults], [21444, 18250, 42888]);
  assert.equal(hover.markdown, [
    `**Proxy cost** (aws-mumbai) · \`sidecar.istio.io/proxyMemory: 64Mi\`: ${inr(withIt)}/month for Istio sidecar ×2 (proxy 50m CPU / 64Mi memory).`,
    `Without this annotation (50m CPU): ${inr(cpuOnly)}/month, so this value costs ${inr(withIt - cpuOnly)}/month more.`,
    `Without any of these 2 annotations, at Istio's defaults (100m CPU / 128Mi memory): ${inr(defaults)}/month, so together they save ${inr(defaults - withIt)}/month.`,
    'Once any sidecar.istio.io/proxy* annotation is set, Istio drops every default: this proxy has no CPU limit and memory limit.',
  ].join('\n\n'));

  const limit = hoverAt(ISTIO_NS + deployment({ annotations: ['sidecar.istio.io/proxyCPU: 50m', 'sidecar.istio.io/proxyCPULimit: |1'] }), {});
  assert.match(limit.hover.markdown, /so this value changes nothing\. Limits are not priced/);
});

test('hover on Linkerd annotations: per field against the empty chart defaults; on the namespace, the workspace total', () => {
  const linkerd = read('linkerd/linkerd.yaml');
  const source = linkerd.replace('proxy-memory-request: 64Mi', 'proxy-memory-request: 6|4Mi');
  const { hover } = hoverAt(source);
  const withIt = monthly(linkerd, 'cart');
  const without = monthly(linkerd.replace('        config.linkerd.io/proxy-memory-request: 64Mi\n', ''), 'cart');
  const neither = monthly(linkerd.replace('        config.linkerd.io/proxy-memory-request: 64Mi\n        config.linkerd.io/proxy-memory-limit: 128Mi\n', ''), 'cart');
  // hand-computed, × 2: 182.50 + 15.97; without the request the 128Mi limit stands in for it
  // (182.50 + 31.94); without either only the namespace's 100m CPU request is left
  assert.deepEqual([withIt, without, neither], [39694, 42888, 36500]);
  assert.equal(hover.markdown, [
    `**Proxy cost** (aws-mumbai) · \`config.linkerd.io/proxy-memory-request: 64Mi\`: ${inr(withIt)}/month for Linkerd ×2 (proxy 100m CPU / 64Mi memory).`,
    `Without this annotation (100m CPU / 128Mi memory): ${inr(without)}/month, so this value saves ${inr(without - withIt)}/month.`,
    `Without any of these 2 annotations (100m CPU): ${inr(neither)}/month, so together they cost ${inr(withIt - neither)}/month more.`,
  ].join('\n\n'));

  const ns = hoverAt(linkerd.replace('config.linkerd.io/proxy-cpu-request: 100m', 'config.linkerd.io/proxy-cpu-request: 1|00m'));
  const total = (text) => core.moneyTotal(reportOf([['f.yaml', text]]).report.total.money);
  const nsWith = total(linkerd);
  const nsWithout = total(linkerd.replace('    config.linkerd.io/proxy-cpu-request: 100m\n', ''));
  assert.equal(ns.hover.markdown, [
    '**Proxy cost** (aws-mumbai) · `config.linkerd.io/proxy-cpu-request: 100m`: the Linkerd proxy CPU request of namespace shop (3 Linkerd workloads there; a pod\'s own annotation wins).',
    `Workspace mesh overhead: ${inr(nsWith)}/month with it, ${inr(nsWithout)}/month without: it costs ${inr(nsWith - nsWithout)}/month more.`,
  ].join('\n\n'));
});

test('hover on spec.replicas: this count against the default of 1; an HPA decides instead', () => {
  const payments = read('istio-payments/workloads.yaml');
  const { hover } = hoverAt(payments.replace('replicas: 3', 'repl|icas: 3'), {}, [['ns.yaml', read('istio-payments/namespace.yaml')]]);
  assert.equal(hover.markdown, [
    '**Proxy cost** (aws-mumbai) · Istio sidecar ×3: ₹643.32/month of proxy overhead.',
    'At the default of 1 replica: ₹214.44/month, so this value costs ₹428.88/month more.',
  ].join('\n\n'));

  const hpa = hoverAt(read('hpa/hpa.yaml').replace('replicas: 2', 'replicas: |2'));
  assert.match(hpa.hover.markdown, /^\*\*Proxy cost\*\* \(aws-mumbai\) · Istio sidecar ×4: ₹857\.76\/month\. The HorizontalPodAutoscaler minReplicas 4 decides the replicas/);
});

test('hover: not in a mesh, another mesh\'s annotation, off target, and this file\'s current text over a stale workspace', () => {
  const notMeshed = hoverAt(deployment({ namespace: 'shop', annotations: ['sidecar.istio.io/proxyCPU: 5|0m'] }));
  assert.match(notMeshed.hover.markdown, /this workload is not in a mesh .*mumbaiMesh\.defaultMesh is `none`/);
  const other = hoverAt(ISTIO_NS + deployment({ annotations: ['config.linkerd.io/proxy-cpu-request: 5|0m'] }));
  assert.match(other.hover.markdown, /this workload runs Istio sidecar, so Linkerd proxy annotations do not change its cost\.$/);
  assert.equal(hoverAt(ISTIO_NS + deployment().replace('image: registry', 'image: regi|stry')).hover, undefined);
  assert.equal(hoverAt(deployment({ namespace: 'shop' }).replace('replicas: 2', 'replicas: |2')).hover, undefined, 'no cost, no hover on replicas');

  // the workspace still holds the old text (3 replicas); the hover prices the current one (5)
  const stale = workspace([['ns.yaml', ISTIO_NS], ['f.yaml', deployment({ replicas: 3 })]]);
  const { text, offsets } = marked(deployment({ replicas: 5 }).replace('replicas: 5', 'replicas: |5'));
  const current = service.analyze(text, core.DEFAULT_SETTINGS);
  const hover = core.costHover({ file: current, offset: offsets[0], resources: stale.resources, fileKey: 'f.yaml', settings: settingsOf() });
  assert.match(hover.markdown, /Istio sidecar ×5: ₹1,072\.20\/month/);
});

// ---- inlay hints -------------------------------------------------------------------------

test('inlay hints: the CPU or memory money of the line\'s proxies; limits that are not requests are not priced', () => {
  const linkerd = read('linkerd/linkerd.yaml');
  const { report, files } = reportOf([['l.yaml', linkerd]]);
  const hints = core.costInlayHints(report, files['l.yaml']);
  const lines = linkerd.split('\n');
  const end = (needle, from = 0) => {
    const line = lines.findIndex((l, i) => i >= from && l.includes(needle));
    return { line, character: lines[line].length };
  };
  const w = (name) => report.workloads.find((x) => x.name === name);
  const cart = end('proxy-memory-request: 64Mi');
  assert.deepEqual(hints.map((h) => [h.position, h.label]), [
    [cart, `${inr(w('cart').money.memory)}/month`],
    [end('proxy-memory-limit: 128Mi'), 'not priced'],
    [end('proxy-cpu-limit: 200m'), 'not priced'],
    [end('proxy-memory-request: 32Mi'), `${inr(w('log-agent').money.memory)}/month`],
  ]);
  assert.equal(w('cart').money.memory, 2 * 1597, 'hand-computed: 64Mi = 15.97 per pod, 2 replicas');
  assert.equal(hints[0].tooltip, `Memory of the Linkerd proxies ×2: ${inr(3194)}/month (aws-mumbai).`);

  const offsetOfLine = (line) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
  assert.equal(core.costInlayHints(report, files['l.yaml'], { start: offsetOfLine(cart.line), end: offsetOfLine(cart.line + 2) }).length, 2, 'only the hints in range');
  const ambient = reportOf([['a.yaml', read('ambient/ambient.yaml')]]);
  assert.deepEqual(core.costInlayHints(ambient.report, ambient.files['a.yaml']), []);
});

// ---- report page -------------------------------------------------------------------------

const NONCE = 'n0nceN0nceN0nceN0nce123';
const CSP_SOURCE = 'https://*.vscode-cdn.net';

function paymentsReport(section) {
  const ws = workspace([['payments/ns.yaml', read('istio-payments/namespace.yaml')], ['payments/w.yaml', read('istio-payments/workloads.yaml')], ['shop/l.yaml', read('linkerd/linkerd.yaml')]]);
  const settings = settingsOf(section);
  return { report: core.computeCost(ws.resources, settings), comparison: core.compareMeshes(ws.resources, settings) };
}

test('report HTML: strict CSP with the nonce, only nonce\'d style and script, no remote resource', () => {
  const { report, comparison } = paymentsReport();
  const html = core.reportHtml(report, comparison, { nonce: NONCE, cspSource: CSP_SOURCE, profile: 'aws-mumbai' });
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; img-src ${CSP_SOURCE} data:;">`));
  assert.deepEqual(html.match(/<(script|style)\b[^>]*>/g), [`<style nonce="${NONCE}">`, `<script nonce="${NONCE}">`]);
  const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  assert.doesNotMatch(withoutCsp, /https?:\/\//, 'no URL outside the policy');
  assert.doesNotMatch(html, /\s(src|href|style|on[a-z]+)=/i, 'no src/href (nothing loaded), no inline style or handler (the CSP would block them)');
  assert.doesNotMatch(html, /<(link|iframe|img|object|embed)\b|@import|url\(/i);
  assert.match(html, /var\(--vscode-foreground\)/);
  assert.match(html, /var\(--vscode-editor-background\)/);
  assert.match(html, /acquireVsCodeApi\(\)/);
  assert.match(html, /<button type="button" id="export-csv" data-export="csv">Export CSV<\/button><button type="button" id="export-json" data-export="json">Export JSON<\/button>/);
});

test('report HTML: a table per namespace with the core\'s numbers, charts by namespace, by mesh and for the comparison', () => {
  const { report, comparison } = paymentsReport();
  const html = core.reportHtml(report, comparison, { nonce: NONCE, cspSource: CSP_SOURCE, profile: 'aws-mumbai', focusWorkload: 'Deployment/payments/cpu-only' });
  assert.match(html, /Profile <strong id="profile">aws-mumbai<\/strong> · INR 2\.5 per vCPU-hour, 0\.35 per GiB-hour · 730 hours\/month/);
  const total = core.moneyTotal(report.total.money);
  assert.ok(html.includes(`<strong id="total" data-monthly-minor="${total}">${inr(total)}</strong>`));

  for (const w of report.workloads) {
    const row = new RegExp(`<tr id="w-\\d+" data-workload="${core.workloadId(w)}" data-monthly-minor="${core.moneyTotal(w.money)}"[^>]*>(.*?)</tr>`).exec(html);
    assert.ok(row, `a row for ${core.workloadId(w)}`);
    assert.ok(row[1].includes(`<td class="num">${inr(core.moneyTotal(w.money))}</td>`), row[1]);
    assert.ok(row[1].includes(`<td class="num">${core.cpuLabel(w.amount.cpuMillicores)}</td><td class="num">${core.memoryLabel(w.amount.memoryHundredthsMiB)}</td>`), row[1]);
  }
  assert.match(html, /<tr id="w-\d+" data-workload="Deployment\/payments\/cpu-only" data-monthly-minor="18250" class="focus" aria-current="true">/);
  assert.equal((html.match(/class="focus"/g) ?? []).length, 1);
  assert.deepEqual([...html.matchAll(/<table class="workloads" data-namespace="([^"]+)" data-monthly-minor="(\d+)">/g)].map((m) => [m[1], Number(m[2])]),
    core.costBreakdown(report).byNamespace.filter((g) => g.key !== core.CONTROL_PLANE_GROUP).map((g) => [g.key, core.moneyTotal(g.total.money)]));
  assert.match(html, /<tr data-mesh="istio" data-monthly-minor="142350"><td>Istio<\/td><td>istiod ×1<\/td>/, 'istiod 912.50 + 511.00');

  for (const id of ['chart-namespace', 'chart-mesh', 'chart-comparison']) assert.match(html, new RegExp(`<svg class="chart" id="${id}" role="img"`));
  const chart = (id) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</svg>', html.indexOf(`id="${id}"`)));
  const bars = (id) => [...chart(id).matchAll(/<g class="bar-row" data-label="([^"]+)">.*?<text class="bar-value"[^>]*>([^<]+)<\/text>/g)].map((m) => [m[1], m[2]]);
  const breakdown = core.costBreakdown(report);
  assert.deepEqual(bars('chart-namespace'), breakdown.byNamespace.map((g) => [g.label, inr(core.moneyTotal(g.total.money))]));
  assert.deepEqual(bars('chart-mesh'), [['Istio sidecar', inr(core.moneyTotal(breakdown.byMesh[0].total.money))], ['Linkerd', inr(core.moneyTotal(breakdown.byMesh[1].total.money))]]);
  assert.deepEqual(bars('chart-comparison').map(([label]) => label), ['Istio sidecar', 'Istio ambient', 'Linkerd', 'Consul', 'no mesh']);
  for (const row of comparison.rows) assert.match(html, new RegExp(`<tr data-mesh="${row.mesh}" data-monthly-minor="${core.moneyTotal(row.total.money)}">`));
  // the groups add up to the total exactly
  assert.equal(breakdown.byNamespace.reduce((s, g) => s + core.moneyTotal(g.total.money), 0), total);
  assert.equal(breakdown.byMesh.reduce((s, g) => s + core.moneyTotal(g.total.money), 0), total);
});

test('report HTML: escapes what comes from files, says when the focus is not meshed, and renders an empty workspace', () => {
  const ws = workspace([['<img src=x onerror=alert(1)>.yaml', ISTIO_NS + deployment()]]);
  const report = core.computeCost(ws.resources, settingsOf());
  const html = core.reportHtml(report, undefined, { nonce: NONCE, cspSource: CSP_SOURCE, profile: 'aws-mumbai', focusWorkload: 'Deployment/x/<b>' });
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;.yaml'));
  assert.ok(!html.includes('<img'));
  assert.match(html, /<p class="note" id="focus-missing">Deployment\/x\/&lt;b&gt; is not in a mesh/);
  assert.doesNotMatch(html, /id="comparison"/, 'no comparison given, none shown');

  const empty = core.reportHtml(core.computeCost([], settingsOf()), core.compareMeshes([], settingsOf()), { nonce: NONCE, cspSource: CSP_SOURCE, profile: 'aws-mumbai' });
  assert.match(empty, /No workload is in a mesh/);
  assert.match(empty, /<strong id="total" data-monthly-minor="0">₹0\.00<\/strong>/);
  assert.match(empty, /Nothing to chart\./);
});

// ---- CSV and summary ---------------------------------------------------------------------

test('CSV: the workloads, control planes and total as the JSON export numbers, RFC 4180 quoting, no formulas', () => {
  const ws = workspace([['ns.yaml', read('istio-payments/namespace.yaml')], ['w.yaml', read('istio-payments/workloads.yaml')]]);
  const report = core.computeCost(ws.resources, settingsOf());
  assert.equal(core.reportCsv(report), [
    'section,file,kind,namespace,name,mesh,replicas,proxyCpuMillicores,proxyMemoryMiB,monthlyCost,currency,profile',
    'workload,w.yaml,Deployment,payments,api,istio,3,300,384,643.32,INR,aws-mumbai',
    'workload,w.yaml,Deployment,payments,cpu-only,istio,2,100,0,182.50,INR,aws-mumbai',
    'workload,w.yaml,Deployment,payments,limit-only,istio,1,0,256,63.88,INR,aws-mumbai',
    'controlPlane,,,,istiod x1,istio,,500,2048,1423.50,INR,aws-mumbai',
    'total,,,,,,,900,2688,2313.20,INR,aws-mumbai',
    '',
  ].join('\r\n'));
  const json = core.costReportJson(report);
  assert.deepEqual(json.total, { cpuMillicores: 900, memoryMiB: 2688, monthlyCost: 2313.2 });

  const odd = workspace([['=cmd|"x",y.yaml', ISTIO_NS + deployment()]]);
  const csv = core.reportCsv(core.computeCost(odd.resources, settingsOf()), { compare: core.compareMeshes(odd.resources, settingsOf()) });
  assert.ok(csv.includes(`\r\nworkload,"'=cmd|""x"",y.yaml",Deployment,pay,api,istio,2,`));
  assert.deepEqual(csv.trim().split('\r\n').filter((l) => l.startsWith('compare,')).map((l) => l.split(',')[5]), ['istio', 'istio-ambient', 'linkerd', 'consul', 'none']);
});

test('status bar summary: the report total, short and exact, with a per-mesh breakdown', () => {
  const { report } = paymentsReport({ cost: { profile: 'azure-india' } });
  const summary = core.costSummary(report);
  const total = core.moneyTotal(report.total.money);
  assert.deepEqual([summary.profile, summary.currency, summary.monthlyMinor, summary.monthlyCost], ['azure-india', 'INR', total, total / 100]);
  assert.equal(summary.label, `${core.moneyShort(total, 'INR')}/month · azure-india`);
  assert.deepEqual(summary.byMesh.map((m) => [m.mesh, m.monthlyMinor]), core.costBreakdown(report).byMesh.map((g) => [g.key, core.moneyTotal(g.total.money)]));
  assert.equal(summary.byMesh.reduce((s, m) => s + m.monthlyMinor, 0), total);
  assert.match(summary.tooltip, /^\*\*Mesh overhead\*\*: ₹[\d,]+\.\d\d\/month at azure-india prices\n\n- Istio sidecar: /);
});
