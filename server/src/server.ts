// Wiring only: the LSP connection, capabilities, and handlers that call the pure core.
// `node dist/server.js --stdio` for any LSP client; `--node-ipc` from the VS Code client.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCancelled } from './core/analyzeFile';
import { createMeshService } from './core/service';
import { DocumentCache } from './documentCache';
import { guard } from './runSafe';
import { loadValidateResource } from './schemaFiles';
import { SettingsSource } from './settingsSource';
import { ValidationQueue } from './validationQueue';

const connection = createConnection(ProposedFeatures.all);
const log = (message: string) => connection.console.log(message);
// Under --stdio, stdout is the protocol: nothing may print there.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (error) => log(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (error) => log(`unhandled rejection: ${String(error)}`));

const documents = new TextDocuments(TextDocument);
const cache = new DocumentCache();
const settingsSource = new SettingsSource(connection, log);
const service = createMeshService({ validateResource: loadValidateResource(log) });
let supportsConfiguration = false;

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const settings = await settingsSource.get(uri);
  const current = documents.get(uri);
  if (!current || current.version !== version) return; // a newer change is queued
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
  await connection.sendDiagnostics({ uri, version, diagnostics: service.diagnostics(file, settings) });
}

const queue = new ValidationQueue((uri) => new Promise<void>((resolve) => guard(log, `validating ${uri}`, () => validate(uri).finally(resolve))));

async function delayFor(uri: string): Promise<number> {
  return (await settingsSource.get(uri)).validation.debounceMs;
}

connection.onInitialize((params): InitializeResult => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  settingsSource.configure(supportsConfiguration, params.initializationOptions);
  return {
    capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
    serverInfo: { name: 'mumbai-mesh', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (supportsConfiguration) {
    guard(log, 'registering for configuration changes', () => connection.client.register(DidChangeConfigurationNotification.type, { section: 'mumbaiMesh' }).then(() => undefined));
  }
});

connection.onDidChangeConfiguration((change) =>
  guard(log, 'configuration change', () => {
    settingsSource.reset(change.settings);
    for (const document of documents.all()) queue.schedule(document.uri, 0);
  }),
);

// Fires on open too: a document never analysed yet is validated at once, later edits
// after the debounce delay.
documents.onDidChangeContent((event) =>
  guard(log, 'didChange', async () => {
    const uri = event.document.uri;
    queue.schedule(uri, cache.previous(uri) ? await delayFor(uri) : 0);
  }),
);
documents.onDidClose((event) =>
  guard(log, 'didClose', () => {
    queue.cancel(event.document.uri);
    cache.delete(event.document.uri);
    settingsSource.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  }),
);

documents.listen(connection);
connection.listen();
