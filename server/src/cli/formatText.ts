// `file:line:col severity code message`, one line per finding (1-based line and column,
// as editors and compilers print them). Colour only when stdout is a terminal.
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName } from './severityName';

export interface FileResult {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

const COLOURS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

export function formatText(results: readonly FileResult[], colour: boolean): string {
  const lines: string[] = [];
  let count = 0;
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      count++;
      const severity = severityName(d.severity);
      const shown = colour ? `${COLOURS[severity]}${severity}\x1b[0m` : severity;
      lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${shown} ${String(d.code)} ${d.message}`);
    }
  }
  lines.push(`${count} finding${count === 1 ? '' : 's'} in ${results.length} file${results.length === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}
