// In-editor test index in the @vscode/test-electron shape: the editor loads this file in
// its extension host and calls run(); resolving passes, throwing fails. The same file runs
// under @vscode/test-electron (test/e2e/electron/runTest.mjs, where VS Code can be
// downloaded) and in code-server (test/e2e/editor.test.mjs, offline).
// The workspace is test/fixtures/e2e; what it must show is in ../expectations.json.
// Plain CommonJS with node:assert and no test framework, so there is nothing to build.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const expected = require('../expectations.json');

const EXTENSION_ID = 'mumbai-mesh.mumbai-mesh';
const SOURCE = 'mumbai-mesh';
const WAIT_MS = 30_000;

function fixtureUri(relative) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (expected test/fixtures/e2e)');
  return vscode.Uri.joinPath(folder.uri, relative);
}

const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const codeOf = (d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/**
 * Opens `uri` in an editor and resolves with our diagnostics once the language server
 * has published for it (an empty publication counts: it fires onDidChangeDiagnostics too).
 * `accept` decides whether a publication is the awaited one.
 */
async function openAndAwaitDiagnostics(uri, accept = () => true) {
  let subscription;
  let timer;
  const published = new Promise((resolve, reject) => {
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString()) && accept(ours(uri))) resolve(ours(uri));
    });
    timer = setTimeout(() => reject(new Error(`no publication as awaited for ${uri.path} within ${WAIT_MS / 1000}s`)), WAIT_MS);
  });
  try {
    // subscribed first, so the publication that follows didOpen cannot be missed
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // already published (e.g. the file was open before): no further event will come
    const now = ours(uri);
    if (now.length > 0 && accept(now)) return now;
    return await published;
  } finally {
    clearTimeout(timer);
    subscription.dispose();
  }
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('the bad manifest gets our error on the offending key', async () => {
  const uri = fixtureUri(expected.bad.file);
  const diagnostics = await openAndAwaitDiagnostics(uri, (ds) => ds.some((x) => codeOf(x) === expected.bad.code)).catch((error) => {
    throw new Error(`${error.message}; it has: ${ours(uri).map((x) => `${codeOf(x)} ${x.message}`).join(' | ')}`);
  });
  const summary = diagnostics.map((d) => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
  const d = diagnostics.find((x) => codeOf(x) === expected.bad.code);
  assert.ok(d, `no ${expected.bad.code} among: ${summary.join(' | ')}`);
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  const start = new vscode.Position(expected.bad.line - 1, expected.bad.column - 1);
  assert.deepEqual(
    [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    [start.line, start.character, start.line, start.character + expected.bad.text.length],
    `range of ${expected.bad.code} should cover "${expected.bad.text}"`,
  );
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.getText(d.range), expected.bad.text);
  assert.equal(typeof d.code, 'object', 'the code should carry a codeDescription link');
  assert.match(d.code.target.toString(), /rules\.md#/i);
  if (expected.bad.messageIncludes) assert.ok(d.message.includes(expected.bad.messageIncludes), d.message);
});

test('the clean manifest gets no diagnostics', async () => {
  // waits for an empty publication: a file opened before the server has indexed the
  // workspace may first get a cross-file finding, withdrawn once the index is complete
  const uri = fixtureUri(expected.good.file);
  await openAndAwaitDiagnostics(uri, (ds) => ds.length === 0).catch((error) => {
    throw new Error(`${error.message}; it has: ${ours(uri).map((d) => `${codeOf(d)} ${d.message}`).join(' | ')}`);
  });
});

test('the extension is active', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  assert.equal(extension.isActive, true);
});

exports.run = async function run() {
  let failed = 0;
  for (const { name, fn } of tests) {
    const t0 = Date.now();
    try {
      await fn();
      console.log(`ok - ${name} (${Date.now() - t0} ms)`);
    } catch (error) {
      failed++;
      console.log(`not ok - ${name} (${Date.now() - t0} ms)\n  ${String(error?.stack ?? error).split('\n').join('\n  ')}`);
    }
  }
  console.log(`in-editor: ${tests.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${tests.length} in-editor tests failed`);
};
