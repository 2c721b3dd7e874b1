// The analysis of each open document at its latest version. The previous analysis is
// handed back to the core so unchanged YAML documents are not parsed again.
import type { AnalyzedFile } from './core/analyzeFile';

interface Entry {
  readonly version: number;
  readonly settingsKey: string;
  readonly file: AnalyzedFile;
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  get(uri: string, version: number, settingsKey: string): AnalyzedFile | undefined {
    const entry = this.entries.get(uri);
    return entry && entry.version === version && entry.settingsKey === settingsKey ? entry.file : undefined;
  }

  /** The latest analysis whatever its version: the base for an incremental re-analysis. */
  previous(uri: string): AnalyzedFile | undefined {
    return this.entries.get(uri)?.file;
  }

  set(uri: string, version: number, settingsKey: string, file: AnalyzedFile): void {
    this.entries.set(uri, { version, settingsKey, file });
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
