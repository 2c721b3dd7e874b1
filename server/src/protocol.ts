// Custom messages between the Mumbai Mesh language server and its VS Code client, declared
// once for both sides. The only server file the client imports: plain names and types, no
// runtime dependency beyond the core's dependency-free list of cost profiles (types may come from the core). Any LSP client may use them; none needs them for the standard features.

/** The command a cost CodeLens runs; argument: a workload id `kind/namespace/name` (optional). */
export const SHOW_COST_REPORT_COMMAND = 'mumbaiMesh.showCostReport';

export { COST_PROFILES, type CostProfile as CostProfileName } from './core/cost/costProfiles';

/**
 * `mumbaiMesh/costSummary` (client → server request): the workspace's total monthly mesh
 * overhead at the active profile, for the status bar.
 */
export const COST_SUMMARY_REQUEST = 'mumbaiMesh/costSummary';

export interface CostSummaryParams {
  /** Whose settings price the workspace (a folder or document URI); default: the first workspace folder. */
  readonly uri?: string;
}

// The summary's shape is the core's own (a type-only import: nothing of the core is bundled
// into the client).
export type { CostSummaryLine, CostSummaryData as CostSummary } from './core/cost/costSummary';

/**
 * `mumbaiMesh/costReport` (client → server request): the report page and its exports. The
 * page is rendered for a webview: the client passes its CSP source and a fresh nonce.
 */
export const COST_REPORT_REQUEST = 'mumbaiMesh/costReport';

export interface CostReportParams {
  readonly uri?: string;
  /** A workload id (`kind/namespace/name`) to highlight. */
  readonly focusWorkload?: string;
  readonly nonce: string;
  readonly cspSource: string;
}

export interface CostReportResult {
  readonly html: string;
  /** RFC 4180 CSV. */
  readonly csv: string;
  /** The JSON of `mumbai-mesh cost --format json --compare` (../shared/CONTRACTS.md). */
  readonly json: string;
  readonly profile: string;
}

/**
 * `mumbaiMesh/costChanged` (server → client notification): the workspace's resources or
 * settings changed; cost views should ask again. Sent after a quiet period, not per edit.
 */
export const COST_CHANGED_NOTIFICATION = 'mumbaiMesh/costChanged';

export interface CostChangedParams {
  /** Increases with every notification. */
  readonly sequence: number;
}
