// Real-editor tests: the packaged .vsix in VS Code 1.100.3 (code-server) shown by headless
// chromium, read at DOM level. Run with `npm run test:e2e` (packages, sets up, runs this).
// Three editors are started, one after the other:
//   1. with the .vsix installed: squiggle on the right key, Problems row, hover, clean
//      file without squiggle, and the README screenshot;
//   2. without it (negative control): the same bad-file check must find no squiggle;
//   3. with the .vsix as the extension under development and test/e2e/suite/index.js as
//      the test index: the suite @vscode/test-electron runs, here in code-server.
// MM_E2E_SCREENSHOT=1 also copies the screenshot to docs/images/screenshot.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, checkSetup, startSession, waitFor } from './harness/codeServerSession.mjs';
import {
  errorSquiggles, hoverAt, openFile, problemFiles, problems, publishedDiagnostics, readProblems, waitForWorkbench,
} from './harness/workbench.mjs';

const expected = JSON.parse(fs.readFileSync(new URL('./expectations.json', import.meta.url), 'utf8'));
const WORKSPACE = path.join(ROOT, 'test/fixtures/e2e');
const VSIX = path.resolve(ROOT, process.env.MM_E2E_VSIX ?? 'mumbai-mesh.vsix');
const SUITE = path.join(ROOT, 'test/e2e/suite/index.js');
const SCREENSHOT = path.join(ROOT, 'docs/images/screenshot.png');
const SQUIGGLE_WAIT_MS = 30_000; // seen: 1-2 s after opening, server start included
const CONTROL_WAIT_MS = 10_000; // how long the negative control looks for a squiggle (5x the slowest seen)
const TEST_TIMEOUT_MS = 120_000;
// unique text in each fixture: the editor shows the right file once it is on screen
const BAD_MARKER = 'name: reviews';
const GOOD_MARKER = 'name: ratings';

checkSetup();
if (!fs.existsSync(VSIX)) throw new Error(`not found: ${VSIX} (run: npm run package)`);

/** Runs a test body; when it fails, the session's run folder is kept for its logs. */
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

/**
 * Opens the bad manifest and checks, at DOM level, that an error squiggle underlines
 * exactly the offending key. Returns what it found, for the Problems and hover checks.
 */
async function checkBadFile(session, squiggleWaitMs) {
  const { page } = session;
  await openFile(page, expected.bad.file, BAD_MARKER);
  const opened = Date.now();
  const find = { text: expected.bad.text, column: expected.bad.column };
  let squiggles = [];
  const onKey = await waitFor(`an error squiggle on line ${expected.bad.line} of ${expected.bad.file}`, async () => {
    squiggles = await errorSquiggles(page, find);
    return squiggles.find((s) => s.lineNumber === expected.bad.line);
  }, squiggleWaitMs).catch(() => {
    throw new Error(`no .squiggly-error on line ${expected.bad.line} within ${squiggleWaitMs / 1000}s of opening ${expected.bad.file}; `
      + `squiggles elsewhere: ${JSON.stringify(squiggles.map((s) => s.lineNumber))}`);
  });
  session.step(`error squiggle ${((Date.now() - opened) / 1000).toFixed(1)}s after opening ${expected.bad.file}`);
  assert.ok(onKey.textBox, `"${expected.bad.text}" is not at column ${expected.bad.column} of line ${expected.bad.line}: "${onKey.lineText}"`);
  // the squiggle spans the key's own characters, within a pixel at either end
  const { squiggle, textBox } = onKey;
  assert.ok(Math.abs(squiggle.left - textBox.left) <= 1.5 && Math.abs(squiggle.right - textBox.right) <= 1.5,
    `squiggle x ${squiggle.left.toFixed(1)}..${squiggle.right.toFixed(1)} vs "${expected.bad.text}" x ${textBox.left.toFixed(1)}..${textBox.right.toFixed(1)}`);
  assert.ok(squiggle.top < textBox.bottom && textBox.top < squiggle.bottom, 'squiggle and key are on different rows');
  return onKey;
}

describe('with the extension installed', { timeout: TEST_TIMEOUT_MS * 3 }, () => {
  let session;
  let onKey;
  let problem;
  before(async () => {
    session = await startSession({ workspace: WORKSPACE, vsix: VSIX, settings: { 'mumbaiMesh.trace.server': 'verbose' } });
    await waitForWorkbench(session.page);
  });
  after(async () => session?.stop());

  test(`${expected.bad.file}: an error squiggle under "${expected.bad.text}" (line ${expected.bad.line})`, { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    onKey = await checkBadFile(session, SQUIGGLE_WAIT_MS);
  }));

  test('the language server runs with the Node flags of server/nodeFlags.json', { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    assert.ok(onKey, 'needs the squiggle test before (the server is running then)');
    const { execArgv } = JSON.parse(fs.readFileSync(path.join(ROOT, 'server/nodeFlags.json'), 'utf8'));
    // the installed extension's server, found by its command line among this machine's processes
    const servers = fs.readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).flatMap((pid) => {
      try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
        return args.some((a) => a.endsWith(path.join('dist', 'server.js')) && a.includes(session.runDir)) ? [args] : [];
      } catch {
        return [];
      }
    });
    assert.equal(servers.length, 1, `one server process under ${session.runDir}: ${JSON.stringify(servers)}`);
    const args = servers[0];
    const script = args.findIndex((a) => a.endsWith(path.join('dist', 'server.js')));
    for (const flag of execArgv) assert.ok(args.slice(0, script).includes(flag), `${flag} before the script in ${JSON.stringify(args)}`);
  }));

  test(`the Problems panel lists ${expected.bad.code} from mumbai-mesh at Ln ${expected.bad.line}, Col ${expected.bad.column}`, { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    const position = `[Ln ${expected.bad.line}, Col ${expected.bad.column}]`;
    await problems(session.page);
    const rows = await waitFor(`a Problems row at ${position}`, async () => {
      const all = await readProblems(session.page);
      return all.some((r) => r.position === position) ? all : undefined;
    }, 10_000);
    problem = rows.find((r) => r.position === position);
    assert.deepEqual({ severity: problem.severity, source: problem.source, code: problem.code },
      { severity: 'error', source: 'mumbai-mesh', code: expected.bad.code }, JSON.stringify(rows));
    assert.match(problem.href ?? '', new RegExp(`rules\\.md#${expected.bad.code}$`, 'i'), 'the code links to its docs section');
    if (expected.bad.messageIncludes) assert.ok(problem.message.includes(expected.bad.messageIncludes), `message: ${problem.message}`);
  }));

  test('hovering the squiggle shows our message', { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    assert.ok(onKey && problem, 'needs the two tests before');
    const hover = await hoverAt(session.page, onKey.textBox, problem.message.slice(0, 40));
    assert.ok(hover.includes(problem.message), `hover: ${hover}`);
    // drawn as "mumbai-mesh(MM200)"; the brackets are not in the text
    assert.match(hover, new RegExp(`mumbai-mesh\\(?${expected.bad.code}\\b`));
    const shot = path.join(session.runDir, 'screenshot.png');
    await session.page.screenshot({ path: shot });
    if (process.env.MM_E2E_SCREENSHOT) {
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      fs.copyFileSync(shot, SCREENSHOT);
      session.step(`screenshot written to ${path.relative(ROOT, SCREENSHOT)}`);
    }
  }));

  test(`${expected.good.file}: no squiggle once the server has published for it`, { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
    const goodUri = `file://${path.join(WORKSPACE, expected.good.file)}`;
    await openFile(session.page, expected.good.file, GOOD_MARKER);
    // the proof that the server answered: the language client's trace of the publication
    // (the latest one: a file opened before the server has indexed the workspace may get
    // a cross-file finding first, withdrawn once the index is complete)
    let latest;
    await waitFor(`the server to publish no diagnostics for ${expected.good.file}`, () => {
      latest = publishedDiagnostics(session.userData).filter((p) => p.uri === goodUri).at(-1);
      return latest?.diagnostics.length === 0;
    }, 20_000).catch((e) => {
      throw new Error(`${e.message}; latest publication: ${JSON.stringify(latest?.diagnostics ?? 'none')}`);
    });
    // the editor draws markers a moment after the client gets them: give a squiggle
    // that should not be there the same time it takes to draw one that should
    const deadline = Date.now() + 1_500;
    while (Date.now() < deadline) {
      assert.deepEqual(await errorSquiggles(session.page), [], `squiggles in ${expected.good.file}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const files = await problemFiles(session.page);
    assert.deepEqual(files.filter((f) => f.includes(path.dirname(expected.good.file))), [], `Problems lists: ${files.join(', ')}`);
  }));
});

describe('negative control: the same editor without the extension', { timeout: TEST_TIMEOUT_MS }, () => {
  test(`${expected.bad.file} gets no squiggle and no Problems row`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const session = await startSession({ workspace: WORKSPACE, vsix: null });
    try {
      await keepOnFailure(session, async () => {
        await waitForWorkbench(session.page);
        await assert.rejects(checkBadFile(session, CONTROL_WAIT_MS), /no \.squiggly-error on line/);
        assert.deepEqual(await errorSquiggles(session.page), [], 'no squiggle anywhere');
        assert.deepEqual(await problems(session.page), []);
        session.step('no squiggle and no problem without the extension, as expected');
      });
    } finally {
      await session.stop();
    }
  });
});

describe('in-editor suite (test/e2e/suite/index.js, the @vscode/test-electron index)', { timeout: TEST_TIMEOUT_MS }, () => {
  test('passes in code-server', { timeout: TEST_TIMEOUT_MS }, async () => {
    let exit;
    const exitCode = new Promise((resolve) => { exit = resolve; });
    const hostLog = [];
    const session = await startSession({
      workspace: WORKSPACE,
      vsix: VSIX,
      tests: SUITE,
      onPage: async (page) => {
        // the workbench reports the extension host's console and the test result through these
        await page.exposeFunction('codeAutomationLog', (type, args) => {
          const text = args.map(String).join(' ');
          hostLog.push(`[${type}] ${text}`);
          if (/^(ok|not ok) - |^in-editor: /.test(text)) console.log(`# ${text.split('\n').join('\n# ')}`);
        });
        await page.exposeFunction('codeAutomationExit', (code) => exit(code));
      },
    });
    try {
      let timer;
      const code = await Promise.race([exitCode, new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the in-editor suite did not finish within 90s')), 90_000);
      })]).finally(() => clearTimeout(timer));
      assert.equal(code, 0, 'the in-editor suite failed (its output is above)');
      assert.ok(hostLog.some((l) => /in-editor: [1-9]\d* passed, 0 failed$/.test(l)), 'the suite did not report its count');
    } catch (e) {
      session.failed = true;
      fs.writeFileSync(path.join(session.runDir, 'extension-host-console.log'), hostLog.join('\n'));
      throw e;
    } finally {
      await session.stop();
    }
  });
});
