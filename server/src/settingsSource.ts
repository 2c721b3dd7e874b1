// Where the server gets `mumbaiMesh` settings: `workspace/configuration` per document when
// the client supports it, else the `initializationOptions` (same shape). Cached per
// document until the client says the configuration changed.
import type { Connection } from 'vscode-languageserver';
import { normaliseSettings, type Settings } from './core/settings';

export class SettingsSource {
  private readonly cache = new Map<string, Promise<Settings>>();
  private supportsConfiguration = false;
  private initial: unknown;
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection, private readonly log: (m: string) => void) {}

  configure(supportsConfiguration: boolean, initializationOptions: unknown): void {
    this.supportsConfiguration = supportsConfiguration;
    // Some clients nest the section: { mumbaiMesh: {...} }; accept both.
    const options = initializationOptions as { mumbaiMesh?: unknown } | undefined;
    this.initial = options && typeof options === 'object' && 'mumbaiMesh' in options ? options.mumbaiMesh : initializationOptions;
  }

  /** After didChangeConfiguration; `pushed` is the settings object the client sent, if any. */
  reset(pushed?: unknown): void {
    this.cache.clear();
    const section = (pushed as { mumbaiMesh?: unknown } | undefined)?.mumbaiMesh;
    if (!this.supportsConfiguration && section !== undefined) this.initial = section;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string): Promise<Settings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  private async fetch(uri: string): Promise<Settings> {
    let raw: unknown = this.initial;
    if (this.supportsConfiguration) {
      try {
        const answer: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'mumbaiMesh' });
        if (answer !== null && answer !== undefined) raw = answer;
      } catch (error) {
        this.log(`workspace/configuration failed, using initializationOptions: ${String(error)}`);
      }
    }
    const { settings, warnings } = normaliseSettings(raw);
    for (const warning of warnings) {
      if (!this.reported.has(warning)) this.log(warning);
      this.reported.add(warning);
    }
    return settings;
  }
}
