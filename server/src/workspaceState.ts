// The server's workspace index: the open documents' analyses plus, for every other YAML file
// of the workspace folders, an analysis read from disk. Every change goes through here, so
// `onDidChange` fires whenever the index is replaced or its generation moves on.
import { Emitter, FileChangeType, type Event, type FileEvent, type WorkDoneProgressServerReporter, type WorkspaceFolder } from 'vscode-languageserver/node';
import type { AnalyzedFile } from './core/analyzeFile';
import type { Resource } from './core/parse/extractResources';
import type { Settings } from './core/settings';
import { WorkspaceIndex } from './core/workspace/workspaceIndex';
import type { SettingsSource } from './settingsSource';
import { listYamlFiles, readFileText } from './workspaceScanner';

/**
 * Does the index hold exactly the file's resources, in order and where they are now? A
 * line added above a resource moves it: its findings must move with it. (Called on every
 * edit: no copies.)
 */
function sameResources(indexed: readonly { readonly resource: Resource; readonly base: number }[], file: AnalyzedFile): boolean {
  // indexed loops: this runs before V8 has optimised it, on the first edits of a large file
  const { documents } = file;
  let i = 0;
  for (let d = 0; d < documents.length; d++) {
    const { offset, analysis } = documents[d];
    const resources = analysis.resources;
    for (let r = 0; r < resources.length; r++, i++) {
      if (i >= indexed.length || indexed[i].resource !== resources[r] || indexed[i].base !== offset) return false;
    }
  }
  return i === indexed.length;
}

const MAX_WORKSPACE_FILES = 20000;

/** What indexing needs from the editor: open files follow the editor's text, not the disk. */
export interface OpenFiles {
  isOpen(uri: string): boolean;
  /** The latest analysis of each open document that has one. */
  analyses(): Iterable<readonly [string, AnalyzedFile]>;
}

export interface WorkspaceStateDeps {
  analyze(text: string, settings: Settings): AnalyzedFile;
  readonly settings: SettingsSource;
  /** The client's progress indicator for a scan, if it has one. */
  createProgress(): Promise<WorkDoneProgressServerReporter | undefined>;
}

export class WorkspaceState {
  /** Set from the initialize request; the first folder's settings give the default namespace. */
  folders: readonly WorkspaceFolder[] = [];
  private current = new WorkspaceIndex();
  private readonly changed = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(private readonly deps: WorkspaceStateDeps) {}

  /** The index now; a scan replaces it, so read it per request rather than keeping it. */
  get index(): WorkspaceIndex {
    return this.current;
  }

  /** Puts a file's resources into the index; true when they changed. */
  indexFile(uri: string, file: AnalyzedFile): boolean {
    if (this.current.hasFile(uri) && sameResources(this.current.inFile(uri), file)) return false;
    this.mutate((index) => index.setFile(uri, file));
    return true;
  }

  /** Indexes a file that is not open in the editor, from disk (gone from disk: dropped). */
  indexFromDisk(uri: string, settings: Settings): boolean {
    const text = readFileText(uri);
    if (text === undefined) return this.deleteFile(uri);
    return this.indexFile(uri, this.deps.analyze(text, settings));
  }

  /** Drops a file's resources; true when the index had the file. */
  deleteFile(uri: string): boolean {
    const had = this.current.hasFile(uri);
    this.mutate((index) => index.deleteFile(uri));
    return had;
  }

  /** didChangeWatchedFiles for files that are not open; true when the index changed. */
  async applyFileEvents(events: readonly FileEvent[], open: OpenFiles): Promise<boolean> {
    let changed = false;
    for (const event of events) {
      if (!/\.ya?ml$/i.test(event.uri) || open.isOpen(event.uri)) continue; // open files follow the editor
      if (event.type === FileChangeType.Deleted) changed = this.deleteFile(event.uri) || changed;
      else changed = this.indexFromDisk(event.uri, await this.deps.settings.get(event.uri)) || changed;
    }
    return changed;
  }

  /** Rebuilds the index from the workspace folders (nothing to do without a folder). */
  async scan(open: OpenFiles): Promise<void> {
    if (this.folders.length === 0) return;
    const settingsSource = this.deps.settings;
    const progress = await this.deps.createProgress().catch(() => undefined);
    progress?.begin('Mumbai Mesh', 0, 'Indexing mesh manifests', false);
    try {
      const first = await settingsSource.get(this.folders[0].uri);
      this.current = new WorkspaceIndex(first.defaultNamespace);
      this.changed.fire();
      for (const folder of this.folders) {
        const settings = await settingsSource.get(folder.uri);
        const exclude = [...settings.exclude, ...(await settingsSource.filesExclude(folder.uri))];
        const files = listYamlFiles(folder.uri, { exclude, maxFiles: MAX_WORKSPACE_FILES });
        let done = 0;
        for (const uri of files) {
          if (!open.isOpen(uri)) this.indexFromDisk(uri, settings);
          done++;
          if (done % 50 === 0) progress?.report(Math.round((done / files.length) * 100), `${done} of ${files.length} files`);
          // yield to the event loop now and then so requests are still answered
          if (done % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      }
      for (const [uri, file] of open.analyses()) this.mutate((index) => index.setFile(uri, file));
    } finally {
      progress?.done();
    }
  }

  private mutate(change: (index: WorkspaceIndex) => void): void {
    const before = this.current.generation;
    change(this.current);
    if (this.current.generation !== before) this.changed.fire();
  }
}
