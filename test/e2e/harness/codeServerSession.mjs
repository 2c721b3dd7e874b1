// One real VS Code for a test: code-server 4.100.3 (VS Code 1.100.3, with a Node
// extension host as on the desktop) and Debian's chromium, driven by playwright-core.
// Adapted from ../shared/design/e2e-run-example.mjs; E2E.md there explains each choice.
// Everything a session writes goes to .e2e/runs/run-XXXXXX: kept when a test failed
// (keep()) so its logs and screenshot can be read, deleted otherwise.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const E2E_DIR = path.resolve(ROOT, process.env.MM_E2E_DIR ?? '.e2e');
const CODE_SERVER = path.join(E2E_DIR, 'code-server/node_modules/.bin/code-server');
const TOOLS = path.join(E2E_DIR, 'tools');
const CHROMIUM = '/usr/bin/chromium';

/** Throws a message that says what to run when the setup is missing. */
export function checkSetup() {
  for (const p of [CODE_SERVER, path.join(TOOLS, 'node_modules/playwright-core'), CHROMIUM]) {
    if (!fs.existsSync(p)) throw new Error(`not found: ${p} (run: bash test/e2e/setup.sh .e2e)`);
  }
}

// Ctrl+C, or the test runner stopping us: the browser and code-server go too (code-server
// runs in a process group of its own, so the terminal's signal never reaches it).
const live = new Set();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`${signal}: stopping`);
    Promise.allSettled([...live].map((s) => { s.failed = true; return s.stop(); })).finally(() => process.exit(1));
  });
}

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
  // the fixtures sit inside this repository: no "open the repository?" toast, no git colours
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.hover.delay': 300,
};

/**
 * Starts code-server on a free port with its own HOME, settings and extensions folder,
 * and opens `workspace` in headless chromium. Options:
 *   vsix      path of a .vsix to install first; null for none (negative control)
 *   settings  extra user settings
 *   tests     path of a test index to run in the extension host (the test-electron
 *             shape): `vsix` is then unpacked, by code-server's own installer, into a
 *             folder of its own and loaded as the extension under development.
 *   onPage    called with the page before it loads (to expose functions)
 */
export async function startSession({ workspace, vsix = null, settings = {}, tests, onPage, timeoutMs = 60_000, viewport = { width: 1280, height: 720 } }) {
  checkSetup();
  const t0 = Date.now();
  fs.mkdirSync(path.join(E2E_DIR, 'runs'), { recursive: true });
  const runDir = fs.mkdtempSync(path.join(E2E_DIR, 'runs', 'run-'));
  const home = path.join(runDir, 'home');
  // code-server and chromium write config, logs, crash reports and a device id into
  // $HOME and the XDG folders: all of that stays in the run folder.
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    // code-server's marketplace is open-vsx.org: with no gallery the workbench never asks it
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
  };
  delete env.NODE_OPTIONS; // e.g. --test flags from a parent runner must not reach the extension host
  const userData = path.join(runDir, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  // without --config, code-server writes ~/.config/code-server/config.yaml with a password
  fs.writeFileSync(path.join(runDir, 'config.yaml'), 'auth: none\ncert: false\n');
  const csArgs = ['--config', path.join(runDir, 'config.yaml'), '--extensions-dir', path.join(runDir, 'extensions'), '--user-data-dir', userData];

  const session = {
    runDir, userData, page: undefined, url: undefined, extensions: [],
    step: (msg) => console.log(`# [${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`),
    failed: false,
    stop: undefined,
  };

  let server; // started detached: its pid is also the id of the process group it leads
  let context;
  let stopping;
  // last resort if the test process dies of an unexpected error
  const onExit = () => { if (server) try { process.kill(-server.pid, 'SIGKILL'); } catch {} };
  process.on('exit', onExit);
  live.add(session);
  session.stop = () => {
    stopping ??= (async () => {
      await context?.close().catch(() => {});
      if (server) await stopProcessGroup(server.pid);
      process.off('exit', onExit);
      live.delete(session);
      if (session.failed || process.env.MM_E2E_KEEP) session.step(`kept ${runDir} (extension host log: user-data/logs/*/exthost1/remoteexthost.log)`);
      else fs.rmSync(runDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  try {
    const cli = (...args) => {
      try {
        return execFileSync(CODE_SERVER, [...csArgs, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.split('\n').filter((l) => l && !/^\s+at /.test(l));
        throw new Error(`code-server ${args.join(' ')}: ${output.join(' | ')}`);
      }
    };
    let payload;
    if (vsix && tests) {
      const devDir = path.join(runDir, 'dev-extensions');
      execFileSync(CODE_SERVER, [...csArgs.slice(0, 2), '--extensions-dir', devDir, '--user-data-dir', userData, '--install-extension', vsix],
        { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const [folder] = fs.readdirSync(devDir).filter((f) => fs.statSync(path.join(devDir, f)).isDirectory() && !f.startsWith('.'));
      if (!folder) throw new Error(`nothing was unpacked from ${vsix}`);
      payload = [['extensionDevelopmentPath', path.join(devDir, folder)], ['extensionTestsPath', tests]];
      session.step(`unpacked ${folder} for the in-editor tests`);
    } else if (vsix) {
      cli('--install-extension', vsix);
      session.extensions = cli('--list-extensions', '--show-versions').trim().split('\n').filter(Boolean);
      if (session.extensions.length === 0) throw new Error(`nothing was installed from ${vsix}`);
      session.step(`installed ${session.extensions.join(', ')}`);
    }

    // port 0: the system picks a free port, so parallel runs never clash; the log says which
    const logFile = path.join(runDir, 'code-server.log');
    const logFd = fs.openSync(logFile, 'w');
    server = spawn(CODE_SERVER, [...csArgs, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace],
    { env, detached: true, stdio: ['ignore', logFd, logFd] });
    fs.closeSync(logFd);
    for (const deadline = Date.now() + timeoutMs; !session.url; await sleep(100)) {
      session.url = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(fs.readFileSync(logFile, 'utf8'))?.[1];
      if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}, see ${logFile}`);
      if (Date.now() > deadline) throw new Error(`code-server did not report its port within ${timeoutMs / 1000}s, see ${logFile}`);
    }
    session.step(`code-server (pid ${server.pid}) serving ${session.url}`);

    const { chromium } = createRequire(path.join(TOOLS, 'package.json'))('playwright-core');
    context = await chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      env,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      // our own cleanup stops code-server as well as the browser
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
    context.setDefaultTimeout(timeoutMs);
    const page = context.pages()[0] ?? await context.newPage();
    session.page = page;
    if (onPage) await onPage(page, session);
    let target = `${session.url}?folder=${encodeURIComponent(workspace)}`;
    if (payload) {
      const remote = (p) => `vscode-remote://${new URL(session.url).host}${p}`;
      target += `&payload=${encodeURIComponent(JSON.stringify(payload.map(([k, v]) => [k, remote(v)])))}`;
    }
    await page.goto(target, { timeout: timeoutMs });
    return session;
  } catch (e) {
    session.failed = true;
    await session.stop();
    throw e;
  }
}

// code-server forks the extension host, which forks our language server, and so on: all
// stay in the process group we created, so we stop that group and nothing else.
async function stopProcessGroup(pgid) {
  const alive = () => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    if (alive()) try { process.kill(-pgid, signal); } catch {}
    for (let i = 0; i < 50 && alive(); i++) await sleep(100);
  }
}

/** Polls `read()` until it returns a truthy value; throws `what` after timeoutMs. */
export async function waitFor(what, read, timeoutMs = 30_000, everyMs = 100) {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(everyMs)) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
  }
}

// ---- additions for authoring.test.mjs and cost.test.mjs ----

/** Runs a test body; when it fails, the session's run folder is kept and a screenshot taken. */
export async function keepOnFailure(session, body) {
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
 * A throwaway copy of a fixture folder under .e2e/runs, for tests that edit files or write
 * settings into the workspace. `remove()` deletes it (callers keep it when a test failed).
 */
export function copyFixture(fixture, name = path.basename(fixture)) {
  fs.mkdirSync(path.join(E2E_DIR, 'runs'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(E2E_DIR, 'runs', `${name}-workspace-`));
  fs.cpSync(fixture, dir, { recursive: true });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The folder the session's .vsix was installed into (the extension exactly as shipped). */
export function installedExtensionDir(session) {
  const root = path.join(session.runDir, 'extensions');
  const [folder] = fs.readdirSync(root).filter((f) => !f.startsWith('.') && fs.statSync(path.join(root, f)).isDirectory());
  if (!folder) throw new Error(`no extension installed in ${root}`);
  return path.join(root, folder);
}
