// Real-editor tests of the cost views (issue 6): the packaged .vsix in VS Code 1.100.3
// (code-server) shown by headless chromium, read at DOM level, as editor.test.mjs does.
// One editor for the whole file, on a throwaway copy of test/fixtures/e2e/cost (the profile
// switch writes .vscode/settings.json into it): a namespace with sidecar injection, two
// meshed Deployments and one that opts out.
// Every expected figure comes from `mumbai-mesh cost --format json` (the CLI of the very
// .vsix under test, from its install folder) on the same folder, formatted as the editor
// formats it (server/src/core/cost/costDisplay.ts): the editor and the CLI must agree.
//   - a CodeLens above each meshed Deployment: mesh ×replicas · CPU · memory · ₹/month (profile)
//   - the status bar total; "Mumbai Mesh: Show Cost Report" (F1) opens a webview with a row
//     per workload, the total, the mesh comparison and the charts;
//   - clicking a lens opens the report focused on that workload;
//   - picking another profile from the status bar re-prices the status bar and the lenses.
// Run with `npm run test:e2e`, or after `npm run package` and `bash test/e2e/setup.sh .e2e`:
//   node --test --test-reporter=spec test/e2e/cost.test.mjs   (MM_E2E_VSIX: another .vsix)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, checkSetup, copyFixture, installedExtensionDir, keepOnFailure, startSession, waitFor } from './harness/codeServerSession.mjs';
import { codeLensTitles, frameWith, openFile, runCommand, statusBarItems, waitForWorkbench } from './harness/workbench.mjs';

const VSIX = path.resolve(ROOT, process.env.MM_E2E_VSIX ?? 'mumbai-mesh.vsix');
const FIXTURE = path.join(ROOT, 'test/fixtures/e2e/cost');
const WORKLOADS_FILE = 'workloads.yaml';
const WORKLOADS_MARKER = 'name: cart';
const OPTED_OUT = 'batch-export'; // 4 replicas, sidecar.istio.io/inject: "false"
const OTHER_PROFILE = 'gcp-mumbai';
const STATUS_ITEM_ID = 'mumbai-mesh.mumbai-mesh.mumbaiMesh.cost';
const REPORT_COMMAND = 'Mumbai Mesh: Show Cost Report';
const REPORT_TAB = 'Mesh Cost Report';
const TEST_TIMEOUT_MS = 120_000;
const COST_WAIT_MS = 30_000; // the server indexes the workspace before it prices it (seen: 2-5 s)
const NBSP = /\u00a0/g;

checkSetup();
if (!fs.existsSync(VSIX)) throw new Error(`not found: ${VSIX} (run: npm run package)`);

// ---- the editor's formatting of the core's numbers (server/src/core/cost/costDisplay.ts) ----

const SYMBOLS = { INR: '₹', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
const MESH_LABELS = { istio: 'Istio sidecar', 'istio-ambient': 'Istio ambient', linkerd: 'Linkerd', consul: 'Consul', none: 'no mesh' };
const minorOf = (major) => Math.round(major * 100);
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const symbol = (currency) => SYMBOLS[currency] ?? `${currency} `;
/** `₹643.32`, as the report shows money */
const moneyExact = (major, currency) => `${symbol(currency)}${thousands(Math.floor(minorOf(major) / 100))}.${String(minorOf(major) % 100).padStart(2, '0')}`;
/** `₹643`, as the lens and the status bar show it: whole units (half up) from 100, else exact */
const moneyShort = (major, currency) => {
  const minor = minorOf(major);
  if (minor === 0) return `${symbol(currency)}0`;
  if (minor < 10000) return moneyExact(major, currency);
  return `${symbol(currency)}${thousands(Math.floor((minor + 50) / 100))}`;
};
const memoryLabel = (mib) => `${Number.isInteger(mib) ? mib : mib.toFixed(2)}Mi`;

/** The lens title of one workload of the CLI's report (sidecar meshes: the proxy's CPU and memory). */
function lensTitle(w, report) {
  assert.ok(w.proxy, `${w.name}: this test formats sidecar lenses only (mesh ${w.mesh})`);
  return `${MESH_LABELS[w.mesh]} ×${w.replicas} · ${w.proxy.cpuMillicores}m CPU · ${memoryLabel(w.proxy.memoryMiB)} · ${moneyShort(w.monthlyCost, report.currency)}/month (${report.profile})`;
}

const statusText = (report) => `${moneyShort(report.total.monthlyCost, report.currency)}/month · ${report.profile}`;

describe('cost views in the editor', { timeout: TEST_TIMEOUT_MS * 6 }, () => {
  let session;
  let workspace;
  let cli; // runs the installed extension's own CLI on the workspace
  let report; // its JSON report at the default profile, with --compare
  let lensFor; // workload name → expected lens title

  before(async () => {
    workspace = copyFixture(FIXTURE, 'cost');
    session = await startSession({ workspace: workspace.dir, vsix: VSIX, settings: { 'mumbaiMesh.trace.server': 'verbose' } });
    const cliPath = path.join(installedExtensionDir(session), 'dist/cli.js');
    cli = (...args) => JSON.parse(execFileSync(process.execPath, [cliPath, 'cost', '--format', 'json', ...args, workspace.dir], { encoding: 'utf8' }));
    report = cli('--compare');
    const names = report.workloads.map((w) => w.name);
    assert.ok(report.workloads.length >= 2 && !names.includes(OPTED_OUT), `the fixture should give two meshed workloads, not ${OPTED_OUT}: ${names.join(', ')}`);
    lensFor = new Map(report.workloads.map((w) => [w.name, lensTitle(w, report)]));
    session.step(`CLI: ${[...lensFor.values()].join(' | ')}; total ${report.total.monthlyCost}`);
    await waitForWorkbench(session.page);
  });
  after(async () => {
    await session?.stop();
    if (!session?.failed) workspace?.remove();
  });

  /** Waits for the lenses of the active editor to be exactly `want` (any order). */
  async function awaitLenses(want) {
    let titles = [];
    await waitFor(`the lenses ${JSON.stringify(want)}`, async () => {
      titles = await codeLensTitles(session.page);
      return JSON.stringify([...titles].sort()) === JSON.stringify([...want].sort());
    }, COST_WAIT_MS).catch((e) => {
      throw new Error(`${e.message}; lenses: ${JSON.stringify(titles)}`);
    });
    return titles;
  }

  /** Waits for the cost status bar item to read `want`. */
  async function awaitStatus(want) {
    let items = [];
    await waitFor(`the status bar to show "${want}"`, async () => {
      items = await statusBarItems(session.page);
      return items.find((i) => i.id === STATUS_ITEM_ID)?.text === want;
    }, COST_WAIT_MS).catch((e) => {
      throw new Error(`${e.message}; status bar: ${JSON.stringify(items.filter((i) => i.text))}`);
    });
  }

  test(`${WORKLOADS_FILE}: a CodeLens above each meshed Deployment with the CLI's numbers, none above ${OPTED_OUT}`, { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    await openFile(session.page, WORKLOADS_FILE, WORKLOADS_MARKER);
    const titles = await awaitLenses([...lensFor.values()]);
    session.step(`lenses: ${titles.join(' | ')}`);
    // each lens sits right above its Deployment's first line
    const placement = await session.page.evaluate(() => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      const lines = [...editor.querySelectorAll('.view-lines .view-line')].map((el) => ({ top: el.getBoundingClientRect().top, text: el.textContent.replace(/\u00a0/g, ' ') }));
      return [...editor.querySelectorAll('.codelens-decoration')].map((lens) => {
        const bottom = lens.getBoundingClientRect().bottom;
        const below = lines.filter((l) => l.top >= bottom - 1).sort((a, b) => a.top - b.top);
        return { lens: lens.textContent.replace(/\u00a0/g, ' ').trim(), next: below.slice(0, 4).map((l) => l.text) };
      });
    });
    for (const [name, title] of lensFor) {
      const placed = placement.find((p) => p.lens === title);
      assert.equal(placed?.next[0], 'apiVersion: apps/v1', `the lens "${title}" is not above a resource: ${JSON.stringify(placed)}`);
      assert.ok(placed.next.includes(`  name: ${name}`), `the lens "${title}" is not above ${name}: ${JSON.stringify(placed.next)}`);
    }
  }));

  test('the status bar shows the workspace total of the CLI', { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    const want = statusText(report);
    await awaitStatus(want);
    session.step(`status bar: ${want} (CLI total ${report.total.monthlyCost})`);
    const items = (await statusBarItems(session.page)).filter((i) => i.text.includes('/month'));
    assert.deepEqual(items.map((i) => i.id), [STATUS_ITEM_ID], 'one cost item in the status bar');
  }));

  test(`"${REPORT_COMMAND}" opens a webview with a row per workload, the total, the comparison and the charts`, { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    const { page } = session;
    assert.equal(await page.locator('iframe.webview').count(), 0, 'a webview is open before the command');
    await runCommand(page, REPORT_COMMAND);
    await page.locator('.tab', { hasText: REPORT_TAB }).first().waitFor();
    await page.locator('iframe.webview').first().waitFor({ state: 'attached' });
    const frame = await frameWith(page, 'table.workloads tr[data-workload]', 'the report\'s workload table in a webview frame');
    const text = (locator) => locator.innerText().then((t) => t.replace(NBSP, ' ').trim());

    for (const w of report.workloads) {
      const row = frame.locator(`table.workloads tr[data-workload="${w.kind}/${w.namespace}/${w.name}"]`);
      assert.equal(await row.count(), 1, `one row for ${w.kind}/${w.namespace}/${w.name}`);
      const cells = await Promise.all((await row.locator('td').all()).map(text));
      assert.equal(cells[0], `${w.kind}/${w.name}`);
      assert.deepEqual(cells.slice(2), [MESH_LABELS[w.mesh], String(w.replicas), `${w.proxy.cpuMillicores}m`, memoryLabel(w.proxy.memoryMiB), moneyExact(w.monthlyCost, report.currency)], `${w.name}: ${cells.join(' | ')}`);
    }
    assert.equal(await frame.locator(`table.workloads tr[data-workload$="/${OPTED_OUT}"]`).count(), 0, `${OPTED_OUT} is not in the mesh`);
    assert.equal(await text(frame.locator('#total')), moneyExact(report.total.monthlyCost, report.currency));
    assert.equal(await text(frame.locator('#profile')), report.profile);

    // the comparison: each mesh's total as the CLI's --compare prices it
    for (const row of report.compare) {
      const cells = await Promise.all((await frame.locator(`table.comparison tr[data-mesh="${row.mesh}"] td`).all()).map(text));
      assert.equal(cells[5], moneyExact(row.total.monthlyCost, report.currency), `${row.mesh} total: ${cells.join(' | ')}`);
    }

    // the charts: SVG bars by namespace (+ the control plane), by mesh, and per compared mesh
    const bars = (id) => frame.locator(`svg#${id} rect.bar`).count();
    const namespaces = new Set(report.workloads.map((w) => w.namespace)).size + (report.controlPlane.length > 0 ? 1 : 0);
    assert.equal(await bars('chart-namespace'), namespaces, 'bars by namespace');
    assert.equal(await bars('chart-mesh'), new Set(report.workloads.map((w) => w.mesh)).size, 'bars by mesh');
    assert.equal(await bars('chart-comparison'), report.compare.length, 'bars of the comparison');
    // the theme reaches the page: bars take a VS Code chart colour, not the default black
    const fill = await frame.locator('svg#chart-mesh rect.bar').first().evaluate((el) => getComputedStyle(el).fill);
    assert.notEqual(fill, 'rgb(0, 0, 0)');
    await page.screenshot({ path: path.join(session.runDir, 'cost-report.png') });
  }));

  test('clicking a lens opens the report focused on that workload', { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    const [name, title] = [...lensFor].at(-1); // not the first, so the focus is not the default
    const w = report.workloads.find((x) => x.name === name);
    const id = `${w.kind}/${w.namespace}/${w.name}`;
    await session.page.locator('.monaco-editor .codelens-decoration a', { hasText: title }).first().click();
    const frame = await frameWith(session.page, `table.workloads tr.focus[data-workload="${id}"]`, `the report focused on ${id}`);
    assert.equal(await frame.locator('table.workloads tr.focus').count(), 1, 'one focused row');
  }));

  test(`picking ${OTHER_PROFILE} from the status bar re-prices the status bar and the lenses as the CLI does`, { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    const { page } = session;
    const other = cli('--profile', OTHER_PROFILE);
    await page.locator(`#${STATUS_ITEM_ID.replace(/\./g, '\\.')}`).click();
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: OTHER_PROFILE }).first().click();
    await awaitStatus(statusText(other));
    await openFile(page, WORKLOADS_FILE, WORKLOADS_MARKER);
    const titles = await awaitLenses(other.workloads.map((w) => lensTitle(w, other)));
    session.step(`${OTHER_PROFILE}: ${statusText(other)}; lenses: ${titles.join(' | ')}`);
    const settings = JSON.parse(fs.readFileSync(path.join(workspace.dir, '.vscode/settings.json'), 'utf8'));
    assert.equal(settings['mumbaiMesh.cost.profile'], OTHER_PROFILE, 'the choice is saved in the workspace settings');
  }));
});
