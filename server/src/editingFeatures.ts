// Editing features (issue 7) over the open documents: completion, quick fixes, formatting.
// Completion shares the validator's schema registry, so a kind being edited is compiled already.
import type { CancellationToken, CodeAction, CodeActionParams, CompletionList, CompletionParams, DocumentFormattingParams, TextEdit } from 'vscode-languageserver/node';
import { quickFixes } from './core/codeActions/index';
import { completionItems, completionSchemasFromRegistry, type CompletionSchemas } from './core/completion/index';
import { formatDocument } from './core/formatting/index';
import type { SchemaRegistry } from './core/schema/index';
import type { SnippetCompletion } from './core/snippets/index';
import type { OpenDocuments } from './openDocuments';
import type { Log } from './runSafe';
import type { SettingsSource } from './settingsSource';
import type { WorkspaceState } from './workspaceState';

export interface EditingFeaturesDeps {
  readonly open: OpenDocuments;
  readonly workspace: WorkspaceState;
  readonly settings: SettingsSource;
  readonly registry: SchemaRegistry;
  snippets(): SnippetCompletion[];
  readonly log: Log;
}

export class EditingFeatures {
  private readonly schemas: CompletionSchemas;

  constructor(private readonly deps: EditingFeaturesDeps) {
    this.schemas = completionSchemasFromRegistry(deps.registry, deps.registry.entries());
  }

  completion(params: CompletionParams): CompletionList | null {
    const document = this.deps.open.get(params.textDocument.uri);
    if (!document) return null;
    return completionItems({ text: document.getText(), position: params.position, schemas: this.schemas, index: this.deps.workspace.index, snippets: this.deps.snippets() });
  }

  quickFixes(params: CodeActionParams): CodeAction[] {
    const only = params.context.only;
    if (only && !only.some((kind) => kind === 'quickfix' || kind === '')) return [];
    const file = this.deps.open.currentAnalysis(params.textDocument.uri);
    return file ? quickFixes({ uri: params.textDocument.uri, file, diagnostics: params.context.diagnostics, index: this.deps.workspace.index }) : [];
  }

  /** Settings first (format.enable, maxFileSizeKB); a failure is logged and edits nothing. */
  format(params: DocumentFormattingParams, token: CancellationToken): Promise<TextEdit[]> {
    return this.deps.settings.get(params.textDocument.uri).then((settings) => {
      const document = this.deps.open.get(params.textDocument.uri);
      if (!document || token.isCancellationRequested) return [];
      return formatDocument(document.getText(), { tabSize: params.options.tabSize, enable: settings.format.enable, maxFileSizeKB: settings.maxFileSizeKB });
    }).catch((error: unknown) => {
      this.deps.log(`formatting failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    });
  }
}
