// The shape of every cross-resource rule: one file each, listed in rules/index.ts.
// Rules report offsets (through the locator); they never choose severities or build LSP
// objects — diagnostics.ts does that for all of them.
import type { Finding, Severity } from '../finding';
import type { Locator } from '../parse/locator';
import type { Settings } from '../settings';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';

export interface RuleContext {
  readonly resource: IndexedResource;
  readonly index: WorkspaceIndex;
  readonly settings: Settings;
  /** Paths inside the resource → absolute offsets in its file. */
  readonly locator: Locator;
}

export interface Rule {
  /** istioctl's code when the check is the same, else ours; listed in codes.ts. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** Which resources the rule looks at (cheap filter before check). */
  appliesTo(resource: IndexedResource): boolean;
  check(ctx: RuleContext): Finding[];
}
