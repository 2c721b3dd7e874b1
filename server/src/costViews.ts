// Cost views (issue 6): CodeLens, inlay hints, the hover line, the status bar summary and the
// report page. One CostReport per pricing settings, built by the core from every resource of
// the workspace and dropped when the index changes; all views read it. When the index or the
// settings change, the client hears `mumbaiMesh/costChanged` (and lens/hint refreshes) once
// things have been quiet for COST_QUIET_MS, as validation is debounced.
import { CodeLensRefreshRequest, type ClientCapabilities, type CodeLens, type Connection, type InlayHint, type InlayHintParams, type Position } from 'vscode-languageserver/node';
import { costCodeLenses } from './core/cost/codeLenses';
import { compareMeshes, type ComparisonResult } from './core/cost/compare';
import { costHover } from './core/cost/costHover';
import { costReportJson } from './core/cost/costJson';
import { computeCost, type CostReport } from './core/cost/costReport';
import { costSummary } from './core/cost/costSummary';
import type { WorkspaceResource } from './core/cost/costTypes';
import { costInlayHints } from './core/cost/inlayHints';
import { reportCsv } from './core/cost/reportCsv';
import { reportHtml } from './core/cost/reportHtml';
import type { Settings } from './core/settings';
import type { OpenDocuments } from './openDocuments';
import { COST_CHANGED_NOTIFICATION, type CostChangedParams, type CostReportParams, type CostReportResult, type CostSummary } from './protocol';
import { guard, type Log } from './runSafe';
import type { SettingsSource } from './settingsSource';
import type { WorkspaceState } from './workspaceState';

const COST_QUIET_MS = 300;
const MAX_CACHED_REPORTS = 8;

export interface CostViewsDeps {
  readonly connection: Connection;
  readonly workspace: WorkspaceState;
  readonly settings: SettingsSource;
  readonly open: OpenDocuments;
  readonly log: Log;
}

interface CostEntry {
  readonly resources: readonly WorkspaceResource[];
  readonly report: CostReport;
  comparison?: ComparisonResult;
}

export class CostViews {
  /** By pricing settings, for the index as it is now. */
  private readonly cache = new Map<string, CostEntry>();
  private refreshSupport = { codeLens: false, inlayHint: false };
  private started = false;
  private sequence = 0;
  private quietTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: CostViewsDeps) {
    deps.workspace.onDidChange(() => {
      this.cache.clear();
      this.changed();
    });
    // a settings change re-prices everything (the cache key holds the pricing settings)
    deps.settings.onDidReset(() => this.changed());
  }

  /** The capability entries, and what the client can refresh (called from onInitialize). */
  capabilities(capabilities: ClientCapabilities) {
    this.refreshSupport = { codeLens: capabilities.workspace?.codeLens?.refreshSupport === true, inlayHint: capabilities.workspace?.inlayHint?.refreshSupport === true };
    this.started = true;
    this.changed(); // the views' first numbers: clients ask once this arrives
    return { codeLensProvider: { resolveProvider: false }, inlayHintProvider: { resolveProvider: false } };
  }

  /** Whose settings price the whole workspace: the given scope, else the first folder or document. */
  scope(uri: unknown): string {
    return (typeof uri === 'string' && uri) || this.deps.workspace.folders[0]?.uri || this.deps.open.documents.all()[0]?.uri || '';
  }

  codeLenses(uri: string, settings: Settings): CodeLens[] {
    const file = this.deps.open.currentAnalysis(uri);
    return file ? costCodeLenses(this.entry(settings).report, file, { fileKey: this.fileKey(uri) }) : [];
  }

  inlayHints(params: InlayHintParams, settings: Settings): InlayHint[] {
    const uri = params.textDocument.uri;
    const file = settings.cost.inlayHints ? this.deps.open.currentAnalysis(uri) : undefined;
    if (!file) return [];
    const range = { start: file.lineIndex.offsetAt(params.range.start), end: file.lineIndex.offsetAt(params.range.end) };
    return costInlayHints(this.entry(settings).report, file, { fileKey: this.fileKey(uri), ...range });
  }

  /** For the hover: the cost line on a proxy annotation or `spec.replicas`, if any. */
  hoverLine(uri: string, position: Position, settings: Settings): string | undefined {
    const file = this.deps.open.currentAnalysis(uri);
    if (!file) return undefined;
    return costHover({ file, offset: file.lineIndex.offsetAt(position), resources: this.entry(settings).resources, fileKey: this.fileKey(uri), settings })?.markdown;
  }

  summary(settings: Settings): CostSummary {
    return costSummary(this.entry(settings).report);
  }

  report(params: CostReportParams | null | undefined, settings: Settings): CostReportResult {
    // the nonce and CSP source go into the page's policy: accept only what they can be
    const nonce = typeof params?.nonce === 'string' && /^[A-Za-z0-9+/=_-]{16,}$/.test(params.nonce) ? params.nonce : undefined;
    // cspSource is source expressions, e.g. `'self' https://*.vscode-cdn.net` in VS Code for the web
    const cspSource = typeof params?.cspSource === 'string' && /^(?:'self'|[^\s'";<>,]+)(?:\s+(?:'self'|[^\s'";<>,]+))*$/.test(params.cspSource) ? params.cspSource : undefined;
    if (!nonce || !cspSource) throw new Error('costReport needs a nonce (16+ base64 characters) and the webview cspSource');
    const entry = this.entry(settings);
    const comparison = (entry.comparison ??= compareMeshes(entry.resources, settings));
    const focusWorkload = typeof params?.focusWorkload === 'string' ? params.focusWorkload : undefined;
    return {
      html: reportHtml(entry.report, comparison, { nonce, cspSource, profile: settings.cost.profile, focusWorkload }),
      csv: reportCsv(entry.report, { compare: comparison }),
      json: `${JSON.stringify(costReportJson(entry.report, { compare: comparison }), null, 2)}\n`,
      profile: settings.cost.profile,
    };
  }

  /** The views are stale: tell the client once nothing has changed for COST_QUIET_MS. */
  private changed(): void {
    if (!this.started) return;
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => guard(this.deps.log, 'cost change notification', () => this.notify()), COST_QUIET_MS);
    this.quietTimer.unref();
  }

  private notify(): void {
    const { connection } = this.deps;
    const params: CostChangedParams = { sequence: ++this.sequence };
    void connection.sendNotification(COST_CHANGED_NOTIFICATION, params).catch(() => undefined);
    if (this.refreshSupport.codeLens) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (this.refreshSupport.inlayHint) void connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  private entry(settings: Settings): CostEntry {
    const key = JSON.stringify([settings.cost, settings.defaultMesh]);
    let entry = this.cache.get(key);
    if (!entry) {
      // by file, each file's resources in their order, so the report reads like the CLI's
      const resources = this.deps.workspace.index.all().map((e) => ({ file: this.fileKey(e.uri), resource: e.resource })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      entry = { resources, report: computeCost(resources, settings) };
      if (this.cache.size >= MAX_CACHED_REPORTS) this.cache.clear();
      this.cache.set(key, entry);
    }
    return entry;
  }

  /** The `file` the cost core shows: relative to the workspace folder, else the URI's path. */
  private fileKey(uri: string): string {
    const folders = this.deps.workspace.folders;
    for (const folder of folders) {
      const prefix = folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`;
      if (uri.startsWith(prefix)) return (folders.length > 1 ? `${folder.name}/` : '') + decode(uri.slice(prefix.length));
    }
    return uri.startsWith('file://') ? decode(uri.slice('file://'.length)) : uri;
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
