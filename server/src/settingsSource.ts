// Where the server gets `mumbaiMesh` settings: `workspace/configuration` per document when
// the client supports it, else the `initializationOptions` (same shape). Cached per
// document until the client says the configuration changed; `onDidReset` tells whoever
// derives something from settings (the cost views) that they changed.
import { Emitter, type Connection, type Event } from 'vscode-languageserver';
import { normaliseSettings, type Settings } from './core/settings';

export class SettingsSource {
  private readonly cache = new Map<string, Promise<Settings>>();
  private supportsConfiguration = false;
  private initial: unknown;
  private readonly reported = new Set<string>();
  private readonly resetEmitter = new Emitter<void>();
  /** Fires after `reset`, once the cached settings are dropped. */
  readonly onDidReset: Event<void> = this.resetEmitter.event;

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
    this.resetEmitter.fire();
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

  /** The `files.exclude` globs that are on for that scope (never cached); [] without workspace/configuration. */
  async filesExclude(scopeUri: string): Promise<string[]> {
    if (!this.supportsConfiguration) return [];
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri, section: 'files.exclude' });
      if (!value || typeof value !== 'object') return [];
      return Object.entries(value as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob);
    } catch {
      return [];
    }
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
