// Starts the language server over IPC for YAML documents (files and untitled) and keeps
// its log in an output channel. UI pieces live in files of their own.
import * as path from 'node:path';
import { CompletionItemKind, CompletionList, window, workspace, type CompletionItem, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { EventEmitter } from 'vscode';
import { COST_CHANGED_NOTIFICATION } from '../../server/src/protocol';
// Node flags the server runs with (the bench starts it with the same ones). Semi-spaces of
// at most 4 MB instead of V8's 16 MB: parsing a large file makes V8 grow its young
// generation to the maximum and keep it, ~25 MB of resident memory that holds nothing.
import { execArgv as SERVER_NODE_FLAGS } from '../../server/nodeFlags.json';
import { registerCostReportPanel } from './costReportPanel';
import { registerCostStatusBar } from './costStatusBar';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = window.createOutputChannel('Mumbai Mesh');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'mumbaiMesh', fileEvents: workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
    initializationOptions: workspace.getConfiguration('mumbaiMesh'),
    outputChannel,
    middleware: {
      // VS Code already offers our snippets from contributes.snippets; the server's copies
      // (for other editors) would show every snippet twice.
      async provideCompletionItem(document, position, context, token, next) {
        const result = await next(document, position, context, token);
        const withoutSnippets = (items: CompletionItem[]) => items.filter((item) => item.kind !== CompletionItemKind.Snippet);
        if (!result) return result;
        return Array.isArray(result) ? withoutSnippets(result) : new CompletionList(withoutSnippets(result.items), result.isIncomplete);
      },
    },
  };
  client = new LanguageClient('mumbaiMesh', 'Mumbai Mesh', serverOptions, clientOptions);
  context.subscriptions.push(outputChannel);
  await client.start();
  // cost views (issue 6): one listener for the server's notification, shared by both
  const costChanged = new EventEmitter<void>();
  context.subscriptions.push(costChanged, client.onNotification(COST_CHANGED_NOTIFICATION, () => costChanged.fire()));
  context.subscriptions.push(registerCostStatusBar(client, costChanged.event), registerCostReportPanel(client, costChanged.event));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
