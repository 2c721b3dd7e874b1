// The façade the server and the CLI use: one object over the pure core. The caller parses
// once per document version (through `analyze`, handing back the previous result so
// unchanged documents are reused) and asks for diagnostics from that result, with the
// workspace index when cross-resource rules should run.
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeFile, type AnalyzedFile, type ValidateResource } from './analyzeFile';
import { apiVersionChange } from './apiVersions/deprecatedApiVersions';
import { toDiagnostics } from './diagnostics';
import { RULES } from './rules/index';
import type { Rule } from './rules/rule';
import { runRules } from './rules/runRules';
import type { SourceText } from './parse/sourceText';
import type { Settings } from './settings';
import { findSuppressions } from './suppressions';
import type { WorkspaceIndex } from './workspace/workspaceIndex';

export interface MeshServiceDeps {
  /** Schema validation of one resource (see schema/); tests may pass a tiny one. */
  readonly validateResource: ValidateResource;
  /** Cross-resource rules; all of rules/index.ts unless a test passes its own. */
  readonly rules?: readonly Rule[];
}

export interface WorkspaceContext {
  readonly uri: string;
  readonly index: WorkspaceIndex;
}

export interface MeshService {
  /** `text` may be an editor's document kept in pieces (see parse/pieceText.ts). */
  analyze(text: string | SourceText, settings: Settings, previous?: AnalyzedFile, shouldStop?: () => boolean): AnalyzedFile;
  /** With `workspace`, the cross-resource rules run for the file's resources too. */
  diagnostics(file: AnalyzedFile, settings: Settings, workspace?: WorkspaceContext): Diagnostic[];
}

export function createMeshService(deps: MeshServiceDeps): MeshService {
  const rules = deps.rules ?? RULES;
  // Versions Kubernetes no longer serves have no schema of ours: MM300 says what to use
  // instead, and a schema check would only add noise.
  const validateResource: ValidateResource = (resource, locator) =>
    apiVersionChange(resource.apiVersion, resource.kind)?.removedIn ? [] : deps.validateResource(resource, locator);
  return {
    analyze(text, settings, previous, shouldStop) {
      return analyzeFile(text, { maxFileSizeKB: settings.maxFileSizeKB, aliasBudget: settings.aliasBudget, validateResource, shouldStop, cacheKey: JSON.stringify(settings.schemas) }, previous);
    },
    diagnostics(file, settings, workspace) {
      const starts = file.documents.map((d) => d.offset);
      const findings = workspace ? [...file.findings, ...runRules(workspace.uri, workspace.index, settings, rules)] : file.findings;
      // each document was searched for the comment's name when analysed: no file-wide search
      // unless one has it (a file refused before the split has no documents: searched whole)
      const mayHaveComments = file.documents.length === 0 || file.documents.some((d) => d.analysis.mentionsDisable);
      const isSuppressed = mayHaveComments ? findSuppressions(file.text, file.lineIndex, starts) : () => false;
      return toDiagnostics(findings, file.lineIndex, settings, isSuppressed);
    },
  };
}
