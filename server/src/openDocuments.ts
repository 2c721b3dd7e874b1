// The documents open in the editor: each one's analysis at its latest version, validated after
// a quiet spell and published only while still current. Its resources go into the workspace
// index, and a change there revalidates the other open documents.
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { AnalysisCancelled, type AnalyzedFile } from './core/analyzeFile';
import type { MeshService } from './core/service';
import { DEFAULT_SETTINGS, type Settings } from './core/settings';
import { DocumentCache } from './documentCache';
import { EDITOR_DOCUMENTS, type EditorDocument } from './editorDocument';
import { guard, type Log } from './runSafe';
import type { SettingsSource } from './settingsSource';
import { ValidationQueue } from './validationQueue';
import type { OpenFiles, WorkspaceState } from './workspaceState';

export interface OpenDocumentsDeps {
  readonly connection: Connection;
  readonly service: MeshService;
  readonly settings: SettingsSource;
  readonly workspace: WorkspaceState;
  /** Called with a document's settings before it is analysed (user schemas follow them). */
  beforeAnalysis(settings: Settings): void;
  /** Called after each published validation (idle-time memory collection). */
  afterPublish?(): void;
  readonly log: Log;
}

export class OpenDocuments implements OpenFiles {
  readonly documents = new TextDocuments(EDITOR_DOCUMENTS);
  private readonly cache = new DocumentCache();
  private readonly queue = new ValidationQueue((uri) => new Promise<void>((resolve) => guard(this.deps.log, `validating ${uri}`, () => this.validate(uri).finally(resolve))));

  constructor(private readonly deps: OpenDocumentsDeps) {}

  get(uri: string): EditorDocument | undefined {
    return this.documents.get(uri);
  }

  isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }

  *analyses(): Iterable<readonly [string, AnalyzedFile]> {
    for (const document of this.documents.all()) {
      const file = this.cache.previous(document.uri);
      if (file) yield [document.uri, file];
    }
  }

  /** On open and on each edit: a document never analysed yet at once, later edits after the debounce delay. */
  async changed(uri: string): Promise<void> {
    this.queue.schedule(uri, this.cache.previous(uri) ? (await this.deps.settings.get(uri)).validation.debounceMs : 0);
  }

  async closed(uri: string): Promise<void> {
    const { connection, settings, workspace } = this.deps;
    this.queue.cancel(uri);
    this.cache.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // the editor's unsaved text is gone: the file on disk (if any) is what the workspace holds
    const changed = uri.startsWith('file:') ? workspace.indexFromDisk(uri, await settings.get(uri)) : (workspace.deleteFile(uri), true);
    settings.forget(uri);
    if (changed) this.revalidateOthers(uri);
  }

  revalidateAll(): void {
    for (const document of this.documents.all()) this.queue.schedule(document.uri, 0);
  }

  /** The analysis of an open document at its current version (computed now if need be). */
  currentAnalysis(uri: string): AnalyzedFile | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const previous = this.cache.previous(uri);
    if (previous && previous.source === document.source) return previous;
    // settings may still be loading: the defaults are right for structure-only features
    return this.deps.service.analyze(document.source, DEFAULT_SETTINGS, previous);
  }

  /** Indexes an open document edited since its last validation, so positions match its text. */
  indexCurrent(uri: string): void {
    const file = this.currentAnalysis(uri);
    if (file && this.deps.workspace.indexFile(uri, file)) this.revalidateOthers(uri);
  }

  private revalidateOthers(uri: string): void {
    for (const document of this.documents.all()) if (document.uri !== uri) this.queue.schedule(document.uri, 0);
  }

  private async validate(uri: string): Promise<void> {
    const { connection, service, workspace } = this.deps;
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await this.deps.settings.get(uri);
    if (this.documents.get(uri)?.version !== version) return; // a newer change is queued
    this.deps.beforeAnalysis(settings);
    const settingsKey = JSON.stringify(settings);
    let file = this.cache.get(uri, version, settingsKey);
    if (!file) {
      try {
        file = service.analyze(document.source, settings, this.cache.previous(uri), () => this.documents.get(uri)?.version !== version);
      } catch (error) {
        if (error instanceof AnalysisCancelled) return;
        throw error;
      }
      this.cache.set(uri, version, settingsKey, file);
    }
    if (this.documents.get(uri)?.version !== version) return;
    if (workspace.indexFile(uri, file)) this.revalidateOthers(uri);
    await connection.sendDiagnostics({ uri, version, diagnostics: service.diagnostics(file, settings, { uri, index: workspace.index }) });
    this.deps.afterPublish?.();
  }
}
