// Wiring only: the LSP connection, capabilities, and handlers that call the pure core.
// `node dist/server.js --stdio` for any LSP client; `--node-ipc` from the VS Code client.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification, FileChangeType, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCancelled, type AnalyzedFile } from './core/analyzeFile';
import { documentSymbols, workspaceSymbols } from './core/features/documentSymbols';
import { definitionLocations, referenceLocations } from './core/navigation/index';
import { createMeshService } from './core/service';
import { DEFAULT_SETTINGS, type Settings } from './core/settings';
import { WorkspaceIndex } from './core/workspace/workspaceIndex';
import { DocumentCache } from './documentCache';
import { guard, runSafe } from './runSafe';
import { loadSchemaRegistry, loadValidateResource } from './schemaFiles';
import { userSchemaRegistry } from './userSchemas';
import { validateResource, type SchemaRegistry } from './core/schema/index';
import { URI } from 'vscode-uri';
import { meshHover } from './core/hover/index';
import { SettingsSource } from './settingsSource';
import { ValidationQueue } from './validationQueue';
import { listYamlFiles, readFileText } from './workspaceScanner';
// editing features (issue 7): completion, quick fixes, formatting
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quickFixes } from './core/codeActions/index';
import { completionItems, completionSchemasFromRegistry } from './core/completion/index';
import { formatDocument } from './core/formatting/index';
import type { SchemaIndexEntry } from './core/schema/types';
import { parseSnippetFile, snippetCompletions, type SnippetCompletion } from './core/snippets/index';
import { schemasFolder } from './schemaFiles';

// cost views (issue 6): CodeLens, inlay hints, status bar summary, report page
import { CodeLensRefreshRequest, type ClientCapabilities, type Position } from 'vscode-languageserver/node';
import { costCodeLenses } from './core/cost/codeLenses';
import { compareMeshes, type ComparisonResult } from './core/cost/compare';
import { costHover, type CostHover } from './core/cost/costHover';
import { costReportJson } from './core/cost/costJson';
import { computeCost, type CostReport } from './core/cost/costReport';
import { costSummary } from './core/cost/costSummary';
import type { WorkspaceResource } from './core/cost/costTypes';
import { costInlayHints } from './core/cost/inlayHints';
import { reportCsv } from './core/cost/reportCsv';
import { reportHtml } from './core/cost/reportHtml';
import {
  COST_CHANGED_NOTIFICATION, COST_REPORT_REQUEST, COST_SUMMARY_REQUEST,
  type CostChangedParams, type CostReportParams, type CostReportResult, type CostSummary, type CostSummaryParams,
} from './protocol';

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
// one schema registry for validation and hover
const schemaRegistry = loadSchemaRegistry(log);
const builtInValidation = loadValidateResource(log, undefined, schemaRegistry);
// the user's own schemas (mumbaiMesh.schemas) come first; rebuilt when that setting changes
let userSchemas: { key: string; registry: SchemaRegistry | undefined } = { key: '{}', registry: undefined };
function useUserSchemas(settings: Settings): void {
  const key = JSON.stringify(settings.schemas);
  if (key === userSchemas.key) return;
  const folder = workspaceFolders[0] ? URI.parse(workspaceFolders[0].uri).fsPath : undefined;
  userSchemas = { key, registry: userSchemaRegistry(settings.schemas, folder, log) };
}
const service = createMeshService({
  validateResource: (resource, locator) => {
    const own = userSchemas.registry;
    return own?.entry(resource.apiVersion, resource.kind) ? validateResource(resource, locator, own) : builtInValidation(resource, locator);
  },
});
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
  useUserSchemas(settings);
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
  if (workspaceFolders.length === 0) {
    // no folder to index (a single file opened): open documents still need re-validating
    for (const document of documents.all()) queue.schedule(document.uri, 0);
    return;
  }
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
      definitionProvider: true,
      referencesProvider: true,
      hoverProvider: true,
      ...costCapabilities(params.capabilities),
      completionProvider: { triggerCharacters: [':', ' ', '-'] },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      documentFormattingProvider: true,
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

// Completion shares the validator's schema registry (a kind being edited is compiled already);
// the registry does not list its entries, so the index is read here once. Snippets come
// from beside dist/, so editors other than VS Code get them too.
function schemaIndexEntries(): SchemaIndexEntry[] {
  try {
    return JSON.parse(fs.readFileSync(path.join(schemasFolder(), 'index.json'), 'utf8')) as SchemaIndexEntry[];
  } catch {
    return [];
  }
}
const completionSchemas = completionSchemasFromRegistry(schemaRegistry, schemaIndexEntries());
let snippetItems: SnippetCompletion[] | undefined;
function shippedSnippets(): SnippetCompletion[] {
  if (snippetItems) return snippetItems;
  const folder = path.join(__dirname, '..', 'snippets');
  const definitions = [];
  try {
    for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const parsed = parseSnippetFile(fs.readFileSync(path.join(folder, name), 'utf8'), path.basename(name, '.json'));
      for (const problem of parsed.problems) log(problem);
      definitions.push(...parsed.snippets.filter((d) => d.scopes.length === 0 || d.scopes.includes('yaml')));
    }
  } catch (error) {
    log(`Mumbai Mesh: no snippets in ${folder} (${String(error)})`);
  }
  return (snippetItems = snippetCompletions(definitions));
}

connection.onCompletion((params, token) =>
  runSafe(log, 'completion', null, token, () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return completionItems({ text: document.getText(), position: params.position, schemas: completionSchemas, index, snippets: shippedSnippets() });
  }),
);

connection.onCodeAction((params, token) =>
  runSafe(log, 'codeAction', [], token, () => {
    const only = params.context.only;
    if (only && !only.some((kind) => kind === 'quickfix' || kind === '')) return [];
    const file = currentAnalysis(params.textDocument.uri);
    return file ? quickFixes({ uri: params.textDocument.uri, file, diagnostics: params.context.diagnostics, index }) : [];
  }),
);

connection.onDocumentFormatting((params, token) =>
  runSafe(log, 'formatting', Promise.resolve([]), token, () =>
    settingsSource.get(params.textDocument.uri).then((settings) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || token.isCancellationRequested) return [];
      return formatDocument(document.getText(), { tabSize: params.options.tabSize, enable: settings.format.enable, maxFileSizeKB: settings.maxFileSizeKB });
    }).catch((error: unknown) => {
      log(`formatting failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }),
  ),
);

// ---- cost views (issue 6) --------------------------------------------------------------
// One CostReport per (index, generation, pricing settings), built by the core from every
// resource of the workspace; the lenses, hints, status bar and report all read it.
interface CostEntry {
  readonly resources: readonly WorkspaceResource[];
  readonly report: CostReport;
  comparison?: ComparisonResult;
}
const costCache = new Map<string, CostEntry>();
let costCacheOf: { index: WorkspaceIndex; generation: number } | undefined;
let costRefreshSupport = { codeLens: false, inlayHint: false };
let costSequence = 0;
let costSeen: { index: WorkspaceIndex; generation: number } | undefined;
let costChangedAt: number | undefined;
const COST_QUIET_MS = 300;

/** The capability entries, and what the client can refresh (called from onInitialize). */
function costCapabilities(capabilities: ClientCapabilities) {
  costRefreshSupport = { codeLens: capabilities.workspace?.codeLens?.refreshSupport === true, inlayHint: capabilities.workspace?.inlayHint?.refreshSupport === true };
  // The index has no change event: watch its identity and generation (O(1) per tick) and
  // tell the client once it has been quiet for COST_QUIET_MS, as validation is debounced.
  setInterval(() => guard(log, 'cost change check', costPoll), 100).unref();
  return { codeLensProvider: { resolveProvider: false }, inlayHintProvider: { resolveProvider: false } };
}

function costPoll(): void {
  if (costSeen?.index !== index || costSeen.generation !== index.generation) {
    costSeen = { index, generation: index.generation };
    costChangedAt = Date.now();
  } else if (costChangedAt !== undefined && Date.now() - costChangedAt >= COST_QUIET_MS) {
    costChangedAt = undefined;
    const params: CostChangedParams = { sequence: ++costSequence };
    void connection.sendNotification(COST_CHANGED_NOTIFICATION, params).catch(() => undefined);
    if (costRefreshSupport.codeLens) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (costRefreshSupport.inlayHint) void connection.languages.inlayHint.refresh().catch(() => undefined);
  }
}

// A settings change re-prices everything: the configuration handler above resets the
// settings source, and this marks the cost views stale at the same moment.
const costResetSettings = settingsSource.reset.bind(settingsSource);
settingsSource.reset = (pushed?: unknown) => {
  costResetSettings(pushed);
  costChangedAt = Date.now();
};

/** The `file` the cost core shows: relative to the workspace folder, else the URI's path. */
function costFile(uri: string): string {
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  for (const folder of workspaceFolders) {
    const prefix = folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`;
    if (uri.startsWith(prefix)) return (workspaceFolders.length > 1 ? `${folder.name}/` : '') + decode(uri.slice(prefix.length));
  }
  return uri.startsWith('file://') ? decode(uri.slice('file://'.length)) : uri;
}

function costEntry(settings: Settings): CostEntry {
  if (costCacheOf?.index !== index || costCacheOf.generation !== index.generation) {
    costCache.clear();
    costCacheOf = { index, generation: index.generation };
  }
  const key = JSON.stringify([settings.cost, settings.defaultMesh]);
  let entry = costCache.get(key);
  if (!entry) {
    // by file, each file's resources in their order, so the report reads like the CLI's
    const resources = index.all().map((e) => ({ file: costFile(e.uri), resource: e.resource })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    entry = { resources, report: computeCost(resources, settings) };
    if (costCache.size >= 8) costCache.clear();
    costCache.set(key, entry);
  }
  return entry;
}

/** Whose settings price the whole workspace: the given scope, else the first folder or document. */
function costScope(uri: string | undefined): string {
  return (typeof uri === 'string' && uri) || workspaceFolders[0]?.uri || documents.all()[0]?.uri || '';
}

/** For the hover handler: the cost hover on a proxy annotation or `spec.replicas`, if any. */
function costHoverAt(uri: string, position: Position, settings: Settings): CostHover | undefined {
  const file = currentAnalysis(uri);
  if (!file) return undefined;
  return costHover({ file, offset: file.lineIndex.offsetAt(position), resources: costEntry(settings).resources, fileKey: costFile(uri), settings });
}

connection.onCodeLens(async (params, token) => {
  const uri = params.textDocument.uri;
  const settings = await settingsSource.get(uri);
  return runSafe(log, 'codeLens', [], token, () => {
    const file = currentAnalysis(uri);
    return file ? costCodeLenses(costEntry(settings).report, file, { fileKey: costFile(uri) }) : [];
  });
});

connection.languages.inlayHint.on(async (params, token) => {
  const uri = params.textDocument.uri;
  const settings = await settingsSource.get(uri);
  return runSafe(log, 'inlayHint', [], token, () => {
    const file = settings.cost.inlayHints ? currentAnalysis(uri) : undefined;
    if (!file) return [];
    const range = { start: file.lineIndex.offsetAt(params.range.start), end: file.lineIndex.offsetAt(params.range.end) };
    return costInlayHints(costEntry(settings).report, file, { fileKey: costFile(uri), ...range });
  });
});

connection.onRequest(COST_SUMMARY_REQUEST, async (params: CostSummaryParams | null | undefined, token) => {
  const settings = await settingsSource.get(costScope(params?.uri));
  return runSafe(log, 'costSummary', null, token, (): CostSummary => costSummary(costEntry(settings).report));
});

connection.onRequest(COST_REPORT_REQUEST, async (params: CostReportParams | null | undefined, token) => {
  const settings = await settingsSource.get(costScope(params?.uri));
  return runSafe(log, 'costReport', null, token, (): CostReportResult => {
    // the nonce and CSP source go into the page's policy: accept only what they can be
    const nonce = typeof params?.nonce === 'string' && /^[A-Za-z0-9+/=_-]{16,}$/.test(params.nonce) ? params.nonce : undefined;
    // cspSource is source expressions, e.g. `'self' https://*.vscode-cdn.net` in VS Code for the web
    const cspSource = typeof params?.cspSource === 'string' && /^(?:'self'|[^\s'";<>,]+)(?:\s+(?:'self'|[^\s'";<>,]+))*$/.test(params.cspSource) ? params.cspSource : undefined;
    if (!nonce || !cspSource) throw new Error('costReport needs a nonce (16+ base64 characters) and the webview cspSource');
    const entry = costEntry(settings);
    const comparison = (entry.comparison ??= compareMeshes(entry.resources, settings));
    const focusWorkload = typeof params?.focusWorkload === 'string' ? params.focusWorkload : undefined;
    return {
      html: reportHtml(entry.report, comparison, { nonce, cspSource, profile: settings.cost.profile, focusWorkload }),
      csv: reportCsv(entry.report, { compare: comparison }),
      json: `${JSON.stringify(costReportJson(entry.report, { compare: comparison }), null, 2)}\n`,
      profile: settings.cost.profile,
    };
  });
});

// Field docs, reference previews and (on proxy annotations and replicas) the cost core's line.
connection.onHover(async (params, token) => {
  const uri = params.textDocument.uri;
  const settings = await settingsSource.get(uri);
  return runSafe(log, 'hover', null, token, () => {
    const file = currentAnalysis(uri);
    if (!file) return null;
    const costLine = (at: string, offset: number) => costHoverAt(at, file.lineIndex.positionAt(offset), settings)?.markdown;
    return meshHover(file, file.lineIndex.offsetAt(params.position), { uri, registry: schemaRegistry, index, costLine });
  });
});

// Go to definition / find references (issue 5) over the workspace index; an open document
// edited since its last validation is indexed first, so positions match its current text.
function indexOpenDocument(uri: string): void {
  const file = currentAnalysis(uri);
  if (file && indexFile(uri, file)) revalidateOthers(uri);
}

connection.onDefinition((params, token) =>
  runSafe(log, 'definition', [], token, () => {
    indexOpenDocument(params.textDocument.uri);
    return definitionLocations(index, params.textDocument.uri, params.position);
  }),
);

connection.onReferences((params, token) =>
  runSafe(log, 'references', [], token, () => {
    indexOpenDocument(params.textDocument.uri);
    return referenceLocations(index, params.textDocument.uri, params.position, params.context.includeDeclaration);
  }),
);

connection.onDocumentSymbol((params, token) =>
  runSafe(log, 'documentSymbol', [], token, () => {
    const file = currentAnalysis(params.textDocument.uri);
    return file ? documentSymbols(file) : [];
  }),
);

connection.onWorkspaceSymbol((params, token) => runSafe(log, 'workspaceSymbol', [], token, () => workspaceSymbols(index, params.query)));

documents.listen(connection);
connection.listen();
