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

/**
 * The diagnostic last made for each finding. After an edit most findings are the same
 * objects as before (their documents were not parsed again): their diagnostics are reused
 * while the settings are the same and the finding is still on the same lines.
 */
const made = new WeakMap<Finding, { readonly settings: Settings; readonly diagnostic: Diagnostic }>();

function stillPlaced(diagnostic: Diagnostic, finding: Finding, lineIndex: LineIndex): boolean {
  const { start, end } = diagnostic.range;
  const to = Math.max(finding.end, finding.start);
  const starts = lineIndex.lineStarts;
  // a column clamped to the end of its line (an offset on a '\r') fails this and is made again
  return (
    lineIndex.lineOf(finding.start) === start.line &&
    finding.start - starts[start.line] === start.character &&
    lineIndex.lineOf(to) === end.line &&
    to - starts[end.line] === end.character
  );
}

export function toDiagnostics(findings: readonly Finding[], lineIndex: LineIndex, settings: Settings, isSuppressed: IsSuppressed): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding, settings);
    if (severity === 'off' || isSuppressed(finding.code, finding.start)) continue;
    const known = made.get(finding);
    if (known && known.settings === settings && stillPlaced(known.diagnostic, finding, lineIndex)) {
      diagnostics.push(known.diagnostic);
      continue;
    }
    const diagnostic: Diagnostic = {
      range: { start: lineIndex.positionAt(finding.start), end: lineIndex.positionAt(Math.max(finding.end, finding.start)) },
      severity: LSP_SEVERITY[severity],
      source: DIAGNOSTIC_SOURCE,
      code: finding.code,
      codeDescription: { href: `${RULES_DOC_URL}#${finding.code}` },
      message: finding.message,
    };
    if (finding.data !== undefined) diagnostic.data = finding.data;
    made.set(finding, { settings, diagnostic });
    diagnostics.push(diagnostic);
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
