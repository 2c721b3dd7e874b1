// Wiring only: the LSP connection, capabilities, and handlers that call the pure core.
// `node dist/server.js --stdio` for any LSP client; `--node-ipc` from the VS Code client.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification, FileChangeType, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCancelled, type AnalyzedFile } from './core/analyzeFile';
import { documentSymbols, workspaceSymbols } from './core/features/documentSymbols';
import { createMeshService } from './core/service';
import { DEFAULT_SETTINGS, type Settings } from './core/settings';
import { WorkspaceIndex } from './core/workspace/workspaceIndex';
import { DocumentCache } from './documentCache';
import { guard, runSafe } from './runSafe';
import { loadValidateResource } from './schemaFiles';
import { SettingsSource } from './settingsSource';
import { ValidationQueue } from './validationQueue';
import { listYamlFiles, readFileText } from './workspaceScanner';

const connection = createConnection(ProposedFeatures.all);
const log = (message: string) => connection.console.log(message);
// Under --stdio, stdout is the protocol: nothing may print there.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (error) => log(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (error) => log(`unhandled rejection: ${String(error)}`));

const MAX_WORKSPACE_FILES = 20000;
const documents = new TextDocuments(TextDocument);
const cache = new DocumentCache();
const settingsSource = new SettingsSource(connection, log);
const service = createMeshService({ validateResource: loadValidateResource(log) });
let index = new WorkspaceIndex();
let supportsConfiguration = false;
let supportsWatchers = false;
let workspaceFolders: WorkspaceFolder[] = [];

/** Puts a file's resources into the index; true when they changed. */
function indexFile(uri: string, file: AnalyzedFile): boolean {
  const before = index.inFile(uri).map((r) => r.resource);
  const after = file.documents.flatMap((d) => d.analysis.resources);
  if (index.hasFile(uri) && before.length === after.length && before.every((r, i) => r === after[i])) return false;
  index.setFile(uri, file);
  return true;
}

function revalidateOthers(uri: string): void {
  for (const document of documents.all()) if (document.uri !== uri) queue.schedule(document.uri, 0);
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const settings = await settingsSource.get(uri);
  if (documents.get(uri)?.version !== version) return; // a newer change is queued
  const settingsKey = JSON.stringify(settings);
  let file = cache.get(uri, version, settingsKey);
  if (!file) {
    try {
      file = service.analyze(document.getText(), settings, cache.previous(uri), () => documents.get(uri)?.version !== version);
    } catch (error) {
      if (error instanceof AnalysisCancelled) return;
      throw error;
    }
    cache.set(uri, version, settingsKey, file);
  }
  if (documents.get(uri)?.version !== version) return;
  if (indexFile(uri, file)) revalidateOthers(uri);
  await connection.sendDiagnostics({ uri, version, diagnostics: service.diagnostics(file, settings, { uri, index }) });
}

const queue = new ValidationQueue((uri) => new Promise<void>((resolve) => guard(log, `validating ${uri}`, () => validate(uri).finally(resolve))));

/** Indexes a file that is not open in the editor, from disk. */
function indexFromDisk(uri: string, settings: Settings): boolean {
  const text = readFileText(uri);
  if (text === undefined) {
    const had = index.hasFile(uri);
    index.deleteFile(uri);
    return had;
  }
  return indexFile(uri, service.analyze(text, settings));
}

async function scanWorkspace(): Promise<void> {
  if (workspaceFolders.length === 0) return;
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('Mumbai Mesh', 0, 'Indexing mesh manifests', false);
  try {
    const first = await settingsSource.get(workspaceFolders[0].uri);
    index = new WorkspaceIndex(first.defaultNamespace);
    for (const folder of workspaceFolders) {
      const settings = await settingsSource.get(folder.uri);
      const files = listYamlFiles(folder.uri, { exclude: [...settings.exclude, ...(await filesExclude(folder.uri))], maxFiles: MAX_WORKSPACE_FILES });
      let done = 0;
      for (const uri of files) {
        if (!documents.get(uri)) indexFromDisk(uri, settings);
        done++;
        if (done % 50 === 0) progress?.report(Math.round((done / files.length) * 100), `${done} of ${files.length} files`);
        // yield to the event loop now and then so requests are still answered
        if (done % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    for (const document of documents.all()) {
      const file = cache.previous(document.uri);
      if (file) index.setFile(document.uri, file);
    }
  } finally {
    progress?.done();
  }
  for (const document of documents.all()) queue.schedule(document.uri, 0);
}

async function filesExclude(scopeUri: string): Promise<string[]> {
  if (!supportsConfiguration) return [];
  try {
    const value: unknown = await connection.workspace.getConfiguration({ scopeUri, section: 'files.exclude' });
    if (!value || typeof value !== 'object') return [];
    return Object.entries(value as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob);
  } catch {
    return [];
  }
}

connection.onInitialize((params): InitializeResult => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  supportsWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  settingsSource.configure(supportsConfiguration, params.initializationOptions);
  workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: 'mumbai-mesh', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (supportsConfiguration) {
    guard(log, 'registering for configuration changes', () => connection.client.register(DidChangeConfigurationNotification.type, { section: 'mumbaiMesh' }).then(() => undefined));
  }
  if (supportsWatchers) {
    guard(log, 'registering file watchers', () => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] }).then(() => undefined));
  }
  guard(log, 'workspace scan', scanWorkspace);
});

connection.onDidChangeConfiguration((change) =>
  guard(log, 'configuration change', () => {
    settingsSource.reset(change.settings);
    return scanWorkspace();
  }),
);

connection.onDidChangeWatchedFiles((change) =>
  guard(log, 'watched files', async () => {
    let changed = false;
    for (const event of change.changes) {
      if (!/\.ya?ml$/i.test(event.uri) || documents.get(event.uri)) continue; // open files follow the editor
      if (event.type === FileChangeType.Deleted) {
        changed = index.hasFile(event.uri) || changed;
        index.deleteFile(event.uri);
      } else {
        changed = indexFromDisk(event.uri, await settingsSource.get(event.uri)) || changed;
      }
    }
    if (changed) revalidateOthers('');
  }),
);

// Fires on open too: a document never analysed yet is validated at once, later edits
// after the debounce delay.
documents.onDidChangeContent((event) =>
  guard(log, 'didChange', async () => {
    const uri = event.document.uri;
    queue.schedule(uri, cache.previous(uri) ? (await settingsSource.get(uri)).validation.debounceMs : 0);
  }),
);
documents.onDidClose((event) =>
  guard(log, 'didClose', async () => {
    const uri = event.document.uri;
    queue.cancel(uri);
    cache.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // the editor's unsaved text is gone: the file on disk (if any) is what the workspace holds
    const changed = uri.startsWith('file:') ? indexFromDisk(uri, await settingsSource.get(uri)) : (index.deleteFile(uri), true);
    settingsSource.forget(uri);
    if (changed) revalidateOthers(uri);
  }),
);

/** The analysis of an open document at its current version (computed now if need be). */
function currentAnalysis(uri: string): AnalyzedFile | undefined {
  const document = documents.get(uri);
  if (!document) return undefined;
  const previous = cache.previous(uri);
  if (previous && previous.text === document.getText()) return previous;
  // settings may still be loading: the defaults are right for structure-only features
  return service.analyze(document.getText(), DEFAULT_SETTINGS, previous);
}

connection.onDocumentSymbol((params, token) =>
  runSafe(log, 'documentSymbol', [], token, () => {
    const file = currentAnalysis(params.textDocument.uri);
    return file ? documentSymbols(file) : [];
  }),
);

connection.onWorkspaceSymbol((params, token) => runSafe(log, 'workspaceSymbol', [], token, () => workspaceSymbols(index, params.query)));

documents.listen(connection);
connection.listen();
