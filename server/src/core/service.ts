// The façade the server and the CLI use: one object over the pure core. The caller parses
// once per document version (through `analyze`, handing back the previous result so
// unchanged documents are reused) and asks for diagnostics from that result.
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeFile, type AnalyzedFile, type ValidateResource } from './analyzeFile';
import { toDiagnostics } from './diagnostics';
import type { Settings } from './settings';
import { findSuppressions } from './suppressions';

export interface MeshServiceDeps {
  /** Schema validation of one resource (see schema/); tests may pass a tiny one. */
  readonly validateResource: ValidateResource;
}

export interface MeshService {
  analyze(text: string, settings: Settings, previous?: AnalyzedFile, shouldStop?: () => boolean): AnalyzedFile;
  diagnostics(file: AnalyzedFile, settings: Settings): Diagnostic[];
}

export function createMeshService(deps: MeshServiceDeps): MeshService {
  return {
    analyze(text, settings, previous, shouldStop) {
      return analyzeFile(text, { maxFileSizeKB: settings.maxFileSizeKB, aliasBudget: settings.aliasBudget, validateResource: deps.validateResource, shouldStop }, previous);
    },
    diagnostics(file, settings) {
      const starts = file.documents.map((d) => d.offset);
      return toDiagnostics(file.findings, file.lineIndex, settings, findSuppressions(file.text, file.lineIndex, starts));
    },
  };
}
