// Real-editor checks of the cost views (issue 6), in the shape of editor.test.mjs: the
// packaged .vsix in code-server 4.100.3 (VS Code 1.100.3) shown by headless chromium,
// read at DOM level. The workspace is a copy of test/fixtures/cost/istio-payments (the
// profile switch writes .vscode/settings.json into it). Figures are the hand-computed ones
// of test/unit/costMeshes.test.mjs: api 3 × 214.44 = 643.32; total 2,313.20 (aws-mumbai).
//   node --test --test-reporter=spec test/e2e/costEditor.e2e.mjs   (after npm run package
//   and bash test/e2e/setup.sh .e2e; MM_E2E_VSIX picks another .vsix)
// DOM used (VS Code internals, as in harness/workbench.mjs): `.codelens-decoration a` for a
// lens, `.statusbar-item` for the status bar, `iframe.webview.ready` → `iframe#active-frame`
// for the webview's document, `.quick-input-widget .monaco-list-row` for the quick pick.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { E2E_DIR, ROOT, checkSetup, startSession, waitFor } from './harness/codeServerSession.mjs';
import { openFile, waitForWorkbench } from './harness/workbench.mjs';

const VSIX = path.resolve(ROOT, process.env.MM_E2E_VSIX ?? 'mumbai-mesh.vsix');
const FIXTURE = path.join(ROOT, 'test/fixtures/cost/istio-payments');
const TEST_TIMEOUT_MS = 120_000;
const LENS_API = 'Istio sidecar ×3 · 300m CPU · 384Mi · ₹643/month (aws-mumbai)';
const STATUS = '₹2,313/month · aws-mumbai';
const NBSP = /\u00a0/g;

checkSetup();
if (!fs.existsSync(VSIX)) throw new Error(`not found: ${VSIX} (run: npm run package)`);

async function lensTitles(page) {
  return page.locator('.monaco-editor .codelens-decoration a').evaluateAll((links) => links.map((a) => a.textContent.replace(/\u00a0/g, ' ').trim()));
}

async function statusTexts(page) {
  return page.locator('.statusbar-item').evaluateAll((items) => items.map((el) => el.textContent.replace(/\u00a0/g, ' ').trim()));
}

/** The report's document, inside the webview's two iframes. */
function reportFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function keepOnFailure(session, body) {
  try {
    await body();
  } catch (e) {
    if (session) {
      session.failed = true;
      await session.page?.screenshot({ path: path.join(session.runDir, `failure-${Date.now()}.png`) }).catch(() => {});
    }
    throw e;
  }
}

describe('cost views in the editor', { timeout: TEST_TIMEOUT_MS * 5 }, () => {
  let session;
  let workspace;
  before(async () => {
    fs.mkdirSync(path.join(E2E_DIR, 'runs'), { recursive: true });
    workspace = fs.mkdtempSync(path.join(E2E_DIR, 'runs', 'cost-workspace-'));
    fs.cpSync(FIXTURE, workspace, { recursive: true });
    session = await startSession({ workspace, vsix: VSIX, settings: { 'mumbaiMesh.trace.server': 'verbose' } });
    await waitForWorkbench(session.page);
  });
  after(async () => {
    await session?.stop();
    if (workspace && !session?.failed) fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('a CodeLens above each meshed Deployment with the core\'s numbers', { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    await openFile(session.page, 'workloads.yaml', 'name: api');
    const titles = await waitFor(`the lens "${LENS_API}"`, async () => {
      const all = await lensTitles(session.page);
      return all.includes(LENS_API) ? all : undefined;
    }, 30_000).catch(async (e) => {
      throw new Error(`${e.message}; lenses: ${JSON.stringify(await lensTitles(session.page))}`);
    });
    session.step(`lenses: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Istio sidecar ×2 · 100m CPU · 0Mi · ₹183/month (aws-mumbai)'), titles.join(' | '));
    assert.ok(!titles.some((t) => t.includes('×5')), 'no lens on opted-out (not in the mesh)');
  }));

  test(`the status bar shows the workspace total: ${STATUS}`, { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    await waitFor(`a status bar item "${STATUS}"`, async () => (await statusTexts(session.page)).includes(STATUS), 30_000).catch(async (e) => {
      throw new Error(`${e.message}; status bar: ${JSON.stringify(await statusTexts(session.page))}`);
    });
  }));

  test('clicking the lens opens the report webview with the table, focused on the workload, and the charts', { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    await session.page.locator('.monaco-editor .codelens-decoration a', { hasText: LENS_API }).first().click();
    await session.page.locator('.tab', { hasText: 'Mesh Cost Report' }).first().waitFor();
    const report = reportFrame(session.page);
    const row = report.locator('table.workloads tr[data-workload="Deployment/payments/api"]');
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await row.getAttribute('class'), 'focus');
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.replace(NBSP, ' ').trim());
    assert.deepEqual(cells.slice(2), ['Istio sidecar', '3', '300m', '384Mi', '₹643.32']);
    assert.equal((await report.locator('#total').innerText()).trim(), '₹2,313.20');
    assert.equal(await report.locator('svg#chart-namespace rect.bar').count(), 2, 'payments and the control plane');
    assert.equal(await report.locator('svg#chart-mesh rect.bar').count(), 1);
    assert.equal(await report.locator('svg#chart-comparison rect.bar').count(), 5);
    // the theme reaches the page: the bar colour is a VS Code chart colour, not the default black
    const fill = await report.locator('svg#chart-mesh rect.bar').first().evaluate((el) => getComputedStyle(el).fill);
    assert.notEqual(fill, 'rgb(0, 0, 0)');
    await session.page.screenshot({ path: path.join(session.runDir, 'cost-report.png') });
  }));

  test('switching the profile from the status bar re-prices the status bar and the lenses', { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    await session.page.locator('.statusbar-item', { hasText: STATUS }).first().click();
    await session.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'gcp-mumbai' }).first().click();
    await waitFor('the status bar at gcp-mumbai', async () => (await statusTexts(session.page)).some((t) => /^₹[\d,]+\/month · gcp-mumbai$/.test(t)), 30_000);
    await openFile(session.page, 'workloads.yaml', 'name: api');
    await waitFor('the lenses at gcp-mumbai', async () => (await lensTitles(session.page)).some((t) => t.startsWith('Istio sidecar ×3 · 300m CPU · 384Mi · ') && t.endsWith('(gcp-mumbai)')), 30_000);
    const settings = JSON.parse(fs.readFileSync(path.join(workspace, '.vscode/settings.json'), 'utf8'));
    assert.equal(settings['mumbaiMesh.cost.profile'], 'gcp-mumbai');
  }));
});
