// Wiring only: the LSP connection, capabilities, and handlers that call the modules and the pure core.
// `node dist/server.js --stdio` for any LSP client; `--node-ipc` from the VS Code client.
import {
  createConnection, ProposedFeatures, TextDocumentSyncKind, DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification, type InitializeResult,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { documentSymbols, workspaceSymbols } from './core/features/documentSymbols';
import { meshHover } from './core/hover/index';
import { definitionLocations, referenceLocations } from './core/navigation/index';
import { createMeshService } from './core/service';
import { CostViews } from './costViews';
import { EditingFeatures } from './editingFeatures';
import { OpenDocuments } from './openDocuments';
import { COST_REPORT_REQUEST, COST_SUMMARY_REQUEST, type CostReportParams, type CostSummaryParams } from './protocol';
import { IdleCollector } from './idleCollector';
import { guard, runSafe } from './runSafe';
import { loadSchemaRegistry, loadValidateResource } from './schemaFiles';
import { SettingsSource } from './settingsSource';
import { shippedSnippets } from './snippetFiles';
import { UserSchemas } from './userSchemas';
import { WorkspaceState } from './workspaceState';

const connection = createConnection(ProposedFeatures.all);
const log = (message: string) => connection.console.log(message);
// Under --stdio, stdout is the protocol: nothing may print there.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (error) => log(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (error) => log(`unhandled rejection: ${String(error)}`));

const settingsSource = new SettingsSource(connection, log);
// one schema registry for validation, hover and completion
const schemaRegistry = loadSchemaRegistry(log);
// the user's own schemas (mumbaiMesh.schemas) come first; rebuilt when that setting changes
const userSchemas = new UserSchemas(() => (workspace.folders[0] ? URI.parse(workspace.folders[0].uri).fsPath : undefined), log);
const service = createMeshService({ validateResource: userSchemas.validateWith(loadValidateResource(log, undefined, schemaRegistry)) });
const workspace = new WorkspaceState({
  analyze: (text, settings) => service.analyze(text, settings),
  settings: settingsSource,
  createProgress: () => connection.window.createWorkDoneProgress(),
});
const idle = new IdleCollector();
const open = new OpenDocuments({ connection, service, settings: settingsSource, workspace, beforeAnalysis: (settings) => userSchemas.use(settings), afterPublish: () => idle.workDone(), log });
const editing = new EditingFeatures({ open, workspace, settings: settingsSource, registry: schemaRegistry, snippets: shippedSnippets(log), log });
const cost = new CostViews({ connection, workspace, settings: settingsSource, open, log });
let supportsConfiguration = false;
let supportsWatchers = false;

/** Indexes the workspace folders, then revalidates the open documents against the new index. */
const scanWorkspace = () => workspace.scan(open).then(() => open.revalidateAll());

connection.onInitialize((params): InitializeResult => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  supportsWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  settingsSource.configure(supportsConfiguration, params.initializationOptions);
  workspace.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      hoverProvider: true,
      ...cost.capabilities(params.capabilities),
      // only ':' — a space or '-' would open the list on every word and list item typed
      completionProvider: { triggerCharacters: [':'] },
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
    if (await workspace.applyFileEvents(change.changes, open)) open.revalidateAll();
  }),
);

// Fires on open too: a document never analysed yet is validated at once.
open.documents.onDidChangeContent((event) => guard(log, 'didChange', () => open.changed(event.document.uri)));
open.documents.onDidClose((event) => guard(log, 'didClose', () => open.closed(event.document.uri)));

connection.onCompletion((params, token) => runSafe(log, 'completion', null, token, () => editing.completion(params)));
connection.onCodeAction((params, token) => runSafe(log, 'codeAction', [], token, () => editing.quickFixes(params)));
connection.onDocumentFormatting((params, token) => runSafe(log, 'formatting', Promise.resolve([]), token, () => editing.format(params, token)));

connection.onCodeLens(async (params, token) => {
  const settings = await settingsSource.get(params.textDocument.uri);
  return runSafe(log, 'codeLens', [], token, () => cost.codeLenses(params.textDocument.uri, settings));
});

connection.languages.inlayHint.on(async (params, token) => {
  const settings = await settingsSource.get(params.textDocument.uri);
  return runSafe(log, 'inlayHint', [], token, () => cost.inlayHints(params, settings));
});

connection.onRequest(COST_SUMMARY_REQUEST, async (params: CostSummaryParams | null | undefined, token) => {
  const settings = await settingsSource.get(cost.scope(params?.uri));
  return runSafe(log, 'costSummary', null, token, () => cost.summary(settings));
});

connection.onRequest(COST_REPORT_REQUEST, async (params: CostReportParams | null | undefined, token) => {
  const settings = await settingsSource.get(cost.scope(params?.uri));
  return runSafe(log, 'costReport', null, token, () => cost.report(params, settings));
});

// Field docs, reference previews and (on proxy annotations and replicas) the cost core's line.
connection.onHover(async (params, token) => {
  const uri = params.textDocument.uri;
  const settings = await settingsSource.get(uri);
  return runSafe(log, 'hover', null, token, () => {
    const file = open.currentAnalysis(uri);
    if (!file) return null;
    const costLine = (at: string, offset: number) => cost.hoverLine(at, file.lineIndex.positionAt(offset), settings);
    return meshHover(file, file.lineIndex.offsetAt(params.position), { uri, registry: schemaRegistry, index: workspace.index, costLine });
  });
});

// Go to definition / find references (issue 5) over the workspace index; an open document
// edited since its last validation is indexed first, so positions match its current text.
connection.onDefinition((params, token) =>
  runSafe(log, 'definition', [], token, () => {
    open.indexCurrent(params.textDocument.uri);
    return definitionLocations(workspace.index, params.textDocument.uri, params.position);
  }),
);

connection.onReferences((params, token) =>
  runSafe(log, 'references', [], token, () => {
    open.indexCurrent(params.textDocument.uri);
    return referenceLocations(workspace.index, params.textDocument.uri, params.position, params.context.includeDeclaration);
  }),
);

connection.onDocumentSymbol((params, token) =>
  runSafe(log, 'documentSymbol', [], token, () => {
    const file = open.currentAnalysis(params.textDocument.uri);
    return file ? documentSymbols(file) : [];
  }),
);

connection.onWorkspaceSymbol((params, token) => runSafe(log, 'workspaceSymbol', [], token, () => workspaceSymbols(workspace.index, params.query)));

open.documents.listen(connection);
connection.listen();
