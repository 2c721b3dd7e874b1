// A minimal LSP client for the bench: spawns a server over stdio, answers its requests
// (workspace/configuration from the settings given, null for the rest), and turns
// textDocument/publishDiagnostics into awaitable events. Every wait is bounded; a server
// that exits early fails the waits at once instead of hanging the bench.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// vscode-jsonrpc comes with vscode-languageserver (a devDependency); no extra package.
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

/** Memory of a live process from /proc, in MiB: current resident set and its peak. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/**
 * CPU time a live process has used so far, all threads, in ms: utime + stime from
 * /proc/<pid>/stat, in USER_HZ ticks (100 a second on Linux). Unlike wall time it does not
 * grow when other work on a busy machine keeps the process waiting.
 */
export function cpuMsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Looks a dotted section up in a settings tree; `undefined` section means `defaultSection`. */
function sectionOf(settings, section, defaultSection) {
  let node = settings;
  for (const part of (section ?? defaultSection ?? '').split('.').filter(Boolean)) {
    if (node === null || typeof node !== 'object' || !(part in node)) return null;
    node = node[part];
  }
  return node;
}

/**
 * @param {{ name: string, command: string, args: string[], cwd: string, logPath: string,
 *   rootUri: string, settings: object, defaultSection?: string, initializationOptions?: object,
 *   env?: NodeJS.ProcessEnv }} spec
 */
export async function startSession(spec) {
  const proc = spawn(spec.command, spec.args, { cwd: spec.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: spec.env ?? process.env });
  const log = createWriteStream(spec.logPath, { flags: 'a' });
  proc.stderr.pipe(log);
  let exited = null;
  const waiters = new Set(); // diagnostics awaited
  const inFlight = new Set(); // every bounded wait, failed at once if the server dies
  const failAll = (error) => {
    for (const w of [...waiters, ...inFlight]) w.reject(error);
    waiters.clear();
    inFlight.clear();
  };
  proc.on('error', (error) => {
    exited = error;
    failAll(error);
  });
  proc.on('exit', (code, signal) => {
    exited = new Error(`${spec.name} exited early (code ${code}, signal ${signal}); see ${spec.logPath}`);
    failAll(exited);
  });

  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  connection.onError(([error]) => failAll(error));
  let lastConfigRequest = 0;
  let configRequests = 0;
  connection.onRequest((method, params) => {
    if (method === 'workspace/configuration') {
      lastConfigRequest = performance.now();
      configRequests += 1;
      return (params?.items ?? []).map((item) => sectionOf(spec.settings, item.section, spec.defaultSection));
    }
    return null; // client/registerCapability, window/workDoneProgress/create, ...
  });
  let lastPublish = 0;
  const activeProgress = new Set(); // work-done progress tokens begun and not ended (a workspace scan)
  connection.onNotification((method, params) => {
    if (method === '$/progress') {
      if (params?.value?.kind === 'begin') activeProgress.add(params.token);
      if (params?.value?.kind === 'end') activeProgress.delete(params.token);
      lastPublish = performance.now();
      return;
    }
    if (method === 'textDocument/publishDiagnostics') {
      const event = { uri: params.uri, version: params.version, diagnostics: params.diagnostics, at: performance.now() };
      lastPublish = event.at;
      for (const w of [...waiters]) {
        if (w.matches(event)) {
          waiters.delete(w);
          w.resolve(event);
        }
      }
    } else if (method === 'window/logMessage' || method === 'window/showMessage') {
      log.write(`[${method}] ${params.message}\n`);
    }
  });
  connection.listen();

  /** `promise` with a time bound; with `untilExit`, also failed as soon as the server exits. */
  const bounded = (promise, ms, what, untilExit = true) =>
    new Promise((resolvePromise, reject) => {
      if (untilExit && exited) {
        reject(exited);
        return;
      }
      const entry = { reject: (e) => settle(reject, e) };
      const timer = setTimeout(() => settle(reject, new Error(`${spec.name}: timed out after ${ms} ms waiting for ${what}`)), ms);
      function settle(fn, value) {
        clearTimeout(timer);
        inFlight.delete(entry);
        fn(value);
      }
      if (untilExit) inFlight.add(entry);
      promise.then(
        (v) => settle(resolvePromise, v),
        (e) => settle(reject, e),
      );
    });

  const session = {
    name: spec.name,
    pid: proc.pid,
    capabilities: undefined,
    serverInfo: undefined,
    configRequests: () => configRequests,
    memory: () => memoryOf(proc.pid),
    cpuMs: () => cpuMsOf(proc.pid),

    /**
     * A promise for the next publishDiagnostics for `uri` that fits `version`: same version
     * when the server sends one, else simply the next. Register it before sending the change.
     */
    nextDiagnostics(uri, version, timeoutMs) {
      if (exited) return Promise.reject(exited);
      let waiter;
      const promise = new Promise((resolvePromise, reject) => {
        waiter = {
          resolve: resolvePromise,
          reject,
          matches: (e) => e.uri === uri && (e.version === undefined || e.version === null || e.version >= version),
        };
        waiters.add(waiter);
      });
      return bounded(promise, timeoutMs, `diagnostics for version ${version}`).finally(() => waiters.delete(waiter));
    },

    /**
     * Resolves once no progress is running and neither a configuration request, progress
     * nor diagnostics came for `quietMs`; at most `maxMs`.
     */
    async settle(quietMs, maxMs) {
      const start = performance.now();
      for (;;) {
        const now = performance.now();
        const quiet = activeProgress.size === 0 && now - Math.max(start, lastConfigRequest, lastPublish) >= quietMs;
        if (quiet || now - start >= maxMs) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },

    notify: (method, params) => connection.sendNotification(method, params),

    /** shutdown + exit, then SIGKILL if the process is still there after `exitWaitMs`. */
    async stop(exitWaitMs = 3000) {
      if (!exited) {
        try {
          await bounded(connection.sendRequest('shutdown'), 5000, 'shutdown', false);
          await connection.sendNotification('exit');
        } catch {
          // a server that does not answer shutdown is killed below
        }
        const gone = new Promise((r) => proc.once('exit', r));
        await bounded(gone, exitWaitMs, 'exit', false).catch(() => proc.kill('SIGKILL'));
      }
      connection.dispose();
      log.end();
    },
    kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    },
  };

  try {
    const init = await bounded(
      connection.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: { name: 'mumbai-mesh-bench' },
        rootUri: spec.rootUri,
        workspaceFolders: [{ uri: spec.rootUri, name: 'bench' }],
        initializationOptions: spec.initializationOptions,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
          window: { workDoneProgress: true },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: false },
            publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
          },
        },
      }),
      30000,
      'initialize',
    );
    session.capabilities = init.capabilities;
    session.serverInfo = init.serverInfo;
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: spec.settings });
  } catch (error) {
    session.kill();
    throw error;
  }
  return session;
}

/** 1 = full text on each change, 2 = incremental; from the server's `textDocumentSync`. */
export function syncKindOf(capabilities) {
  const sync = capabilities?.textDocumentSync;
  return typeof sync === 'number' ? sync : (sync?.change ?? 1);
}
