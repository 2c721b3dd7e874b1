// Findings → LSP diagnostics, in one place for the server and the CLI: severity from
// `mumbaiMesh.rules` (else the finding's, else the code's default; `off` drops it),
// source, code, docs link, disable comments, and offsets → 0-based line / UTF-16 column.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { codeInfo } from './codes';
import type { Finding, Severity } from './finding';
import type { LineIndex } from './parse/lineIndex';
import type { Settings } from './settings';
import type { IsSuppressed } from './suppressions';

export const DIAGNOSTIC_SOURCE = 'mumbai-mesh';
export const RULES_DOC_URL = 'https://github.com/mumbai-mesh/mumbai-mesh/blob/main/docs/rules.md';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function severityOf(finding: Finding, settings: Settings): Severity | 'off' {
  return settings.rules[finding.code] ?? finding.severity ?? codeInfo(finding.code).defaultSeverity;
}

export function toDiagnostics(findings: readonly Finding[], lineIndex: LineIndex, settings: Settings, isSuppressed: IsSuppressed): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding, settings);
    if (severity === 'off' || isSuppressed(finding.code, finding.start)) continue;
    const diagnostic: Diagnostic = {
      range: { start: lineIndex.positionAt(finding.start), end: lineIndex.positionAt(Math.max(finding.end, finding.start)) },
      severity: LSP_SEVERITY[severity],
      source: DIAGNOSTIC_SOURCE,
      code: finding.code,
      codeDescription: { href: `${RULES_DOC_URL}#${finding.code}` },
      message: finding.message,
    };
    if (finding.data !== undefined) diagnostic.data = finding.data;
    diagnostics.push(diagnostic);
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
