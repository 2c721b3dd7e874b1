// A small LSP client for the LSP tier: spawns `node dist/server.js --stdio` and speaks
// JSON-RPC with its own Content-Length framing (so tests can also write raw junk).
//
//   const client = await startServer({ settings: { mumbaiMesh: { rules: { MM101: 'off' } } } });
//   client.open(uri, text);
//   const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
//   client.close(uri);              // didClose
//   await client.shutdown();        // shutdown + exit, kill if it hangs
//
// The client answers the server's `workspace/configuration` requests from `client.settings`
// (one answer per item, looked up by the item's dotted `section`), accepts
// `client/registerCapability`, and keeps every `publishDiagnostics` it receives.
// Nothing here sleeps: every wait is for an event, bounded by a timeout that fails the test
// with what was received instead.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SERVER_PATH = fileURLToPath(new URL('../../dist/server.js', import.meta.url));
/** The bound on any one wait. Generous: it only turns a hang into a clear failure. */
export const WAIT_MS = Number(process.env.MUMBAI_MESH_TEST_WAIT_MS) || 20_000;

export function fileUri(name) {
  return `file:///mumbai-mesh-test/${name}`;
}

function lookup(settings, section, scopeUri) {
  if (typeof settings === 'function') return settings(section, scopeUri) ?? null;
  if (!section) return settings ?? null;
  let value = settings;
  for (const part of section.split('.')) {
    if (value === null || typeof value !== 'object' || !(part in value)) return null;
    value = value[part];
  }
  return value ?? null;
}

export class LspClient {
  /**
   * @param {{ settings?: object | ((section: string, scopeUri?: string) => unknown), args?: string[] }} [options]
   */
  constructor(options = {}) {
    /** What `workspace/configuration` answers from; tests may replace it at any time. */
    this.settings = options.settings ?? {};
    /** Every `publishDiagnostics` params, in arrival order. */
    this.published = [];
    /** `window/logMessage` and `window/showMessage` params. */
    this.logs = [];
    /** Every `workspace/configuration` params the server sent. */
    this.configurationRequests = [];
    /** Every `client/registerCapability` params. */
    this.registrations = [];
    this.stderr = '';
    this.exited = false;
    this.exitCode = undefined;
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = new Set();
    /** Per uri: index in `published` from which publishes count as answers to the latest change. */
    this.marks = new Map();
    this.globalMark = 0;
    this.buffer = Buffer.alloc(0);

    this.child = spawn(process.execPath, [SERVER_PATH, '--stdio', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk) => this.onData(chunk));
    this.child.stderr.on('data', (chunk) => {
      this.stderr += chunk.toString('utf8');
    });
    // The server may exit (or be killed) while a write is in flight; that is reported by
    // the pending waits, not as an unhandled stream error.
    this.child.stdin.on('error', () => {});
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.exitCode = code ?? signal;
      const error = new Error(`the language server exited (${this.exitCode}) ${this.describe()}`);
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
      for (const waiter of this.waiters) waiter.fail(error);
      this.waiters.clear();
      this.exitWaiter?.();
    });
  }

  describe() {
    const tail = this.stderr.trim().split('\n').slice(-5).join('\n');
    return tail ? `; stderr:\n${tail}` : '';
  }

  // ---- framing ---------------------------------------------------------------------------

  onData(chunk) {
    try {
      this.readFrames(chunk);
    } catch (error) {
      // a protocol violation by the server: fail every wait with it, do not crash the test run
      this.protocolError = error;
      const failure = new Error(`the language server broke the protocol: ${error.message}`);
      for (const { reject } of this.pending.values()) reject(failure);
      this.pending.clear();
      for (const waiter of this.waiters) waiter.fail(failure);
      this.waiters.clear();
      this.kill();
    }
  }

  readFrames(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) throw new Error(`bad header: ${JSON.stringify(header.slice(0, 200))}`);
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.onMessage(JSON.parse(body));
    }
  }

  /** Writes one message, or several in a single write so the server reads them as one burst. */
  send(...messages) {
    const frames = messages.map((message) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.writeRaw(Buffer.concat(frames));
  }

  /** Bytes as they are, for junk tests. */
  writeRaw(bytes) {
    if (!this.exited) this.child.stdin.write(bytes);
  }

  onMessage(message) {
    if ('id' in message && message.method === undefined) {
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      if (message.error) entry.reject(Object.assign(new Error(`${entry.method}: ${message.error.message}`), { rpcError: message.error }));
      else entry.resolve(message.result);
      return;
    }
    if ('id' in message) {
      this.onServerRequest(message);
      return;
    }
    switch (message.method) {
      case 'textDocument/publishDiagnostics':
        this.published.push(message.params);
        break;
      case 'window/logMessage':
      case 'window/showMessage':
        this.logs.push(message.params);
        break;
      default:
        break;
    }
    for (const waiter of [...this.waiters]) waiter.check();
  }

  onServerRequest(message) {
    const answer = (result) => this.send({ id: message.id, result });
    switch (message.method) {
      case 'workspace/configuration':
        this.configurationRequests.push(message.params);
        answer(message.params.items.map((item) => lookup(this.settings, item.section, item.scopeUri)));
        break;
      case 'client/registerCapability':
        this.registrations.push(message.params);
        answer(null);
        break;
      case 'client/unregisterCapability':
      case 'window/workDoneProgress/create':
      case 'workspace/codeLens/refresh':
      case 'workspace/diagnostic/refresh':
      case 'workspace/inlayHint/refresh':
      case 'workspace/semanticTokens/refresh':
        answer(null);
        break;
      default:
        this.send({ id: message.id, error: { code: -32601, message: `test client does not handle ${message.method}` } });
    }
    for (const waiter of [...this.waiters]) waiter.check();
  }

  // ---- requests and notifications --------------------------------------------------------

  request(method, params) {
    const id = this.nextId++;
    return this.bounded(`the answer to ${method}`, new Promise((resolve, reject) => {
      if (this.exited) {
        reject(new Error(`the language server has exited; cannot send ${method}${this.describe()}`));
        return;
      }
      this.pending.set(id, { method, resolve, reject });
      this.send({ id, method, params });
    }));
  }

  notify(method, params) {
    this.send({ method, params });
  }

  bounded(what, promise) {
    let timer;
    const timeout = new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}${this.describe()}`)), WAIT_MS);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  async initialize({ initializationOptions, configuration = true, capabilities, workspaceFolders = null } = {}) {
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'mumbai-mesh-test-client', version: '0' },
      rootUri: workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders,
      capabilities: capabilities ?? {
        workspace: { configuration, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
      initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  mark(uri) {
    this.marks.set(uri, this.published.length);
  }

  open(uri, text, version = 1, languageId = 'yaml') {
    this.mark(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** `changes`: a full text (string) or an array of `{ range, text }` / `{ text }` edits. */
  change(uri, version, changes) {
    this.mark(uri);
    const contentChanges = typeof changes === 'string' ? [{ text: changes }] : changes;
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Several didChange notifications in one write: `[{ version, changes }, ...]`. */
  changeBurst(uri, steps) {
    this.mark(uri);
    this.send(...steps.map(({ version, changes }) => ({
      method: 'textDocument/didChange',
      params: { textDocument: { uri, version }, contentChanges: typeof changes === 'string' ? [{ text: changes }] : changes },
    })));
  }

  close(uri) {
    this.mark(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Replaces `settings` and tells the server, as an editor does after a settings edit. */
  changeConfiguration(settings, pushed = settings) {
    this.settings = settings;
    this.globalMark = this.published.length;
    this.notify('workspace/didChangeConfiguration', { settings: pushed });
  }

  // ---- waiting ---------------------------------------------------------------------------

  /**
   * Resolves with the first `publishDiagnostics` params for `uri` received after the latest
   * open/change/close of that uri (or configuration change) that has `version` (when given)
   * and satisfies `predicate` (when given).
   * @param {string} uri
   * @param {{ version?: number, predicate?: (params: any) => boolean, since?: number }} [options]
   */
  waitForDiagnostics(uri, { version, predicate, since } = {}) {
    const from = since ?? Math.max(this.marks.get(uri) ?? 0, this.globalMark);
    const matches = (p) => p.uri === uri && (version === undefined || p.version === version) && (!predicate || predicate(p));
    return this.waitFor(`publishDiagnostics for ${uri}${version === undefined ? '' : ` version ${version}`}`, () => {
      for (let i = from; i < this.published.length; i++) if (matches(this.published[i])) return this.published[i];
      return undefined;
    }, () => JSON.stringify(this.published.filter((p) => p.uri === uri).slice(-3).map((p) => ({ version: p.version, codes: p.diagnostics.map((d) => d.code) }))));
  }

  waitForLog(predicate) {
    return this.waitFor('a log message', () => this.logs.find(predicate), () => JSON.stringify(this.logs.slice(-5)));
  }

  waitFor(what, find, received) {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    let waiter;
    const promise = new Promise((resolve, reject) => {
      waiter = {
        check: () => {
          const value = find();
          if (value !== undefined) {
            this.waiters.delete(waiter);
            resolve(value);
          }
        },
        fail: reject,
      };
      if (this.exited) reject(new Error(`the language server has exited; no ${what}${this.describe()}`));
      else this.waiters.add(waiter);
    });
    return this.bounded(what, promise).catch((error) => {
      this.waiters.delete(waiter);
      throw new Error(`${error.message}\nreceived so far: ${received()}`);
    });
  }

  // ---- teardown --------------------------------------------------------------------------

  /** `shutdown` + `exit`, then waits for the process; kills it if it does not go. */
  async shutdown() {
    if (this.exited) return;
    const exited = new Promise((resolve) => {
      this.exitWaiter = resolve;
    });
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
      await this.bounded('the server to exit', exited);
    } catch {
      // reported by the caller's assertions, if they care; teardown must not hang
    } finally {
      this.kill();
    }
  }

  kill() {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

/**
 * Spawns the server and initialises it.
 * @param {{ settings?: object | Function, initializationOptions?: unknown, configuration?: boolean, capabilities?: object, workspaceFolders?: { uri: string, name: string }[] | null }} [options]
 */
export async function startServer(options = {}) {
  const client = new LspClient(options);
  try {
    client.initializeResult = await client.initialize(options);
  } catch (error) {
    client.kill();
    throw error;
  }
  return client;
}

/** The LSP severities by name. */
export const Severity = { Error: 1, Warning: 2, Information: 3, Hint: 4 };
