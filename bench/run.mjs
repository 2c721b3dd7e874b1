#!/usr/bin/env node
// `npm run bench`: figures for our language server against the bare YAML parse (our floor)
// and against yaml-language-server (the reference), on one generated ~1 MB mesh file.
// Prints figures and targets side by side; never fails on a target. Exits non-zero only on a
// real error: a server that crashes, times out or is missing.
//
//   node bench/run.mjs [--edits 100] [--ref-edits 20] [--only ours|reference] [--seed N] [--bytes N] [--keep]
//
// In-process timers on a shared machine are noisy: compare ratios from one run, read the CPU
// rows (they do not grow when the machine is busy), and for whole-process figures repeat the
// run or wrap it in /usr/bin/time -v.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { generateMeshFile } from './generateMeshFile.mjs';
import { createEditScript } from './editScript.mjs';
import { startSession, syncKindOf } from './lspSession.mjs';
import { prepareReferenceSchema } from './referenceSchemas.mjs';
import { formatReport, median } from './report.mjs';

const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OPEN_TIMEOUT_MS = 120_000;
const EDIT_TIMEOUT_MS = 60_000;
const WATCHDOG_MS = 15 * 60_000;
const BARE_RUNS = 10;
const COLD_RUNS = 5;
// yaml-language-server waits this long after a change before it validates (validationDelayMs,
// not a setting); its times below include it, as an editor user would feel them.
const REFERENCE_DELAY_MS = 200;

function parseArgs(argv) {
  const value = (name, fallback) => {
    const i = argv.indexOf(name);
    if (i < 0) return fallback;
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${name} needs a value`);
    return v;
  };
  return {
    edits: Number(value('--edits', 100)),
    refEdits: Number(value('--ref-edits', 20)),
    only: value('--only', 'both'),
    seed: Number(value('--seed', 20240611)),
    bytes: Number(value('--bytes', 1_000_000)),
    keep: argv.includes('--keep'),
  };
}

/**
 * `yaml`'s parseAllDocuments on the whole text: the least any YAML validator must do.
 * Returns wall and CPU ms of each run; the first call (JIT, first-use costs) is not counted.
 */
function bareParseTimes(text, runs) {
  const { parseAllDocuments } = require('yaml');
  parseAllDocuments(text);
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    parseAllDocuments(text);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    times.push({ wall, cpu: (cpu.user + cpu.system) / 1000 });
  }
  return times;
}

/**
 * The same parse as the first and only call in a fresh Node process: what a server that has
 * just started meets on its first open, with nothing compiled by V8's optimiser yet.
 * Not the floor of the targets (that is the warm median above); shown beside it.
 */
function coldBareParseTimes(filePath, runs) {
  const script = [
    "const { parseAllDocuments } = require('yaml');",
    "const text = require('node:fs').readFileSync(process.argv[1], 'utf8');",
    'const cpu0 = process.cpuUsage(); const t0 = performance.now();',
    'parseAllDocuments(text);',
    'const wall = performance.now() - t0; const cpu = process.cpuUsage(cpu0);',
    'process.stdout.write(JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000 }));',
  ].join('\n');
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const out = execFileSync(process.execPath, ['-e', script, filePath], { cwd: repoRoot, encoding: 'utf8' });
    times.push(JSON.parse(out));
  }
  return times;
}

const sessions = new Set();

/** Opens the file, times the first diagnostics, then `edits` one-line edits; memory along the way. */
async function measureServer(spec, { uri, text, edits }) {
  const session = await startSession(spec);
  sessions.add(session);
  try {
    await session.settle(300, 10_000);
    const incremental = syncKindOf(session.capabilities) === 2;
    let version = 1;
    let waiting = session.nextDiagnostics(uri, version, OPEN_TIMEOUT_MS);
    let cpu0 = session.cpuMs();
    let t0 = performance.now();
    await session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const opened = await waiting;
    const fullMs = opened.at - t0;
    const fullCpuMs = session.cpuMs() - cpu0;
    const memory = [{ afterEdits: 0, ...megabytes(session.memory()) }];
    // Let anything the open set off (a second pass, a settings re-pull) finish before editing.
    await session.settle(500, 5000);
    const script = createEditScript(text);
    const timings = [];
    cpu0 = session.cpuMs();
    for (let i = 1; i <= edits; i += 1) {
      const edit = script.next();
      version += 1;
      const contentChanges = incremental ? [{ range: edit.range, text: edit.text }] : [{ text: edit.fullText() }];
      waiting = session.nextDiagnostics(uri, version, EDIT_TIMEOUT_MS);
      t0 = performance.now();
      await session.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      const published = await waiting;
      timings.push({ line: edit.line, ms: published.at - t0, diagnostics: published.diagnostics.length });
      if (i % 10 === 0 || i === edits) memory.push({ afterEdits: i, ...megabytes(session.memory()) });
    }
    const editCpuMs = edits > 0 ? (session.cpuMs() - cpu0) / edits : NaN;
    return {
      serverInfo: session.serverInfo,
      incremental,
      fullMs,
      fullCpuMs,
      editCpuMs,
      diagnosticsAfterOpen: opened.diagnostics.length,
      openDiagnostics: opened.diagnostics,
      edits: timings,
      memory,
    };
  } finally {
    await session.stop();
    sessions.delete(session);
  }
}

/** MiB from /proc → MB (10^6 bytes), the unit of the targets. */
const megabytes = ({ rssMiB, peakMiB }) => ({ rssMB: (rssMiB * 1048576) / 1e6, peakMB: (peakMiB * 1048576) / 1e6 });

function ourSpec(workDir, rootUri) {
  const server = join(repoRoot, 'dist', 'server.js');
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` first (npm run bench does)`);
  const settings = { mumbaiMesh: { validation: { debounceMs: 0 } } };
  // the Node flags the VS Code client starts the server with
  const { execArgv } = JSON.parse(readFileSync(join(repoRoot, 'server', 'nodeFlags.json'), 'utf8'));
  return {
    name: 'mumbai-mesh',
    command: process.execPath,
    args: [...execArgv, server, '--stdio'],
    cwd: repoRoot,
    logPath: join(workDir, 'mumbai-mesh.log'),
    rootUri,
    settings,
    defaultSection: 'mumbaiMesh',
    initializationOptions: settings.mumbaiMesh,
  };
}

function referenceSpec(workDir, rootUri, kinds, notes) {
  const pkg = join(repoRoot, 'node_modules', 'yaml-language-server');
  if (!existsSync(pkg)) throw new Error('yaml-language-server is not installed: run `npm install`');
  const schema = prepareReferenceSchema({ repoRoot, outDir: join(workDir, 'reference-schemas'), kinds });
  const { project, standIn, uncovered } = schema.sources;
  notes.push(
    `yaml-language-server schemas: ${project.length} kinds from schemas/, ${standIn.length} stand-ins built from ` +
      `../shared/upstream/crds${standIn.length ? ` (${standIn.join(', ')})` : ''}` +
      `${uncovered.length ? `, uncovered: ${uncovered.join(', ')}` : ''}`,
  );
  const settings = {
    yaml: {
      validate: true,
      schemas: { [schema.combinedUri]: ['mesh-bench.yaml'] },
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
      hover: false,
      completion: false,
      format: { enable: false },
    },
    // Belt and braces for "never the network": any fetch would go to the discard port on
    // loopback and fail at once.
    http: { proxy: 'http://127.0.0.1:9', proxyStrictSSL: true },
    '[yaml]': {},
    editor: {},
  };
  return {
    name: 'yaml-language-server',
    command: process.execPath,
    args: [join(pkg, 'bin', 'yaml-language-server'), '--stdio'],
    cwd: workDir,
    logPath: join(workDir, 'yaml-language-server.log'),
    rootUri,
    settings,
    env: { ...process.env, HTTP_PROXY: settings.http.proxy, HTTPS_PROXY: settings.http.proxy, NO_PROXY: '' },
  };
}

function killAll() {
  for (const s of sessions) s.kill();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: gave up after ${WATCHDOG_MS / 60000} minutes\n`);
    killAll();
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }

  const workDir = mkdtempSync(join(tmpdir(), 'mumbai-mesh-bench-'));
  // The workspace folder is empty and the file sits beside it, as a loose file opened in an
  // editor: a server that indexes its workspace at start-up then has nothing to scan, so the
  // open is timed alone and both servers hold the same single file.
  mkdirSync(join(workDir, 'workspace'));
  const filePath = join(workDir, 'mesh-bench.yaml');
  const generated = generateMeshFile({ seed: args.seed, targetBytes: args.bytes });
  writeFileSync(filePath, generated.text);
  const uri = pathToFileURL(filePath).href;
  const rootUri = pathToFileURL(join(workDir, 'workspace')).href;
  const kinds = [...new Set(generated.text.match(/^apiVersion: .+\nkind: .+$/gm))].map((pair) => {
    const [apiVersion, kind] = pair.split('\n').map((l) => l.split(': ')[1].trim());
    return { apiVersion, kind };
  });
  const notes = [];
  process.stderr.write(`bench: ${filePath}\nbench: bare parse...\n`);
  // Half the floor runs now and half after the servers, pooled: the machine's speed drifts
  // over a run, and the ratios should compare like with like.
  const bareTimes = bareParseTimes(generated.text, BARE_RUNS / 2);
  const bare = { min: NaN, median: NaN, runs: BARE_RUNS };
  const coldTimes = coldBareParseTimes(filePath, COLD_RUNS);
  bare.coldMedian = median(coldTimes.map((t) => t.wall));
  bare.coldCpuMedian = median(coldTimes.map((t) => t.cpu));

  const report = {
    file: { ...generated, text: undefined, mistakes: generated.mistakes.length, seed: args.seed },
    machine: `node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}`,
    bare,
    notes,
  };
  let failed = false;
  if (args.only !== 'reference') {
    process.stderr.write(`bench: mumbai-mesh, open + ${args.edits} edits...\n`);
    try {
      report.ours = await measureServer(ourSpec(workDir, rootUri), { uri, text: generated.text, edits: args.edits });
      notes.push(`mumbai-mesh sent ${report.ours.incremental ? 'incremental' : 'full-text'} didChange (its textDocumentSync)`);
      if (report.ours.diagnosticsAfterOpen === 0) {
        notes.push(`mumbai-mesh reported no diagnostic on a file with ${generated.mistakes.length} deliberate mistakes: some checks are missing or off`);
      }
    } catch (error) {
      report.oursError = error.message;
      failed = true;
    }
  }
  if (args.only !== 'ours') {
    process.stderr.write(`bench: yaml-language-server, open + ${args.refEdits} edits...\n`);
    try {
      report.ref = await measureServer(referenceSpec(workDir, rootUri, kinds, notes), {
        uri,
        text: generated.text,
        edits: args.refEdits,
      });
      const version = report.ref.serverInfo?.version ?? require('yaml-language-server/package.json').version;
      notes.push(
        `yaml-language-server ${version}: ${args.refEdits} edits, not ${args.edits}, as it is slow; ` +
          `its times include its fixed ${REFERENCE_DELAY_MS} ms validation delay`,
      );
    } catch (error) {
      report.refError = error.message;
      failed = true;
    }
  }
  bareTimes.push(...bareParseTimes(generated.text, BARE_RUNS / 2));
  const wall = bareTimes.map((t) => t.wall);
  const cpu = bareTimes.map((t) => t.cpu);
  Object.assign(bare, { min: Math.min(...wall), median: median(wall), max: Math.max(...wall), cpuMedian: median(cpu) });
  notes.push(
    `bare parse: ${bare.runs} runs in this process, half before and half after the servers ` +
      `(max ${bare.max.toFixed(0)} ms: a wide min-max means a noisy machine)`,
  );
  notes.push('times are didChange/didOpen sent → publishDiagnostics received, over stdio; RSS is /proc VmRSS of the server process');
  notes.push('CPU rows: user+system time of the whole process (all threads) from /proc, in 10 ms ticks');
  process.stdout.write(`${formatReport(report)}\n`);
  for (const [name, run] of [['mumbai-mesh', report.ours], ['yaml-language-server', report.ref]]) {
    if (run) writeFileSync(join(workDir, `${name}.diagnostics.json`), JSON.stringify(run.openDiagnostics, null, 1));
  }
  if (args.keep || failed) process.stderr.write(`bench: files and server logs kept in ${workDir}\n`);
  else rmSync(workDir, { recursive: true, force: true });
  clearTimeout(watchdog);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench: ${error.stack ?? error}\n`);
    killAll();
    process.exit(1);
  },
);
