import { DiagnosticSeverity } from 'vscode-languageserver-types';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export function severityName(severity: DiagnosticSeverity | undefined): SeverityName {
  switch (severity) {
    case DiagnosticSeverity.Warning: return 'warning';
    case DiagnosticSeverity.Information: return 'info';
    case DiagnosticSeverity.Hint: return 'hint';
    default: return 'error';
  }
}

const RANK: Record<SeverityName, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export function atLeast(severity: DiagnosticSeverity | undefined, threshold: SeverityName): boolean {
  return RANK[severityName(severity)] >= RANK[threshold];
}
