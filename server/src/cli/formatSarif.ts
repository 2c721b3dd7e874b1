// SARIF 2.1.0 as GitHub code scanning reads it: one run, tool `mumbai-mesh`, one rule per
// code that occurs, 1-based regions, URIs relative to the working folder.
import type { Diagnostic } from 'vscode-languageserver-types';
import { codeInfo } from '../core/codes';
import { RULES_DOC_URL } from '../core/diagnostics';
import type { FileResult } from './formatText';
import { severityName } from './severityName';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(results: readonly FileResult[], version: string): string {
  const codes = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => String(d.code))))].sort();
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const rules = codes.map((code) => {
    const info = codeInfo(code);
    return {
      id: code,
      name: info.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: info.title },
      helpUri: `${RULES_DOC_URL}#${code}`,
      defaultConfiguration: { level: LEVEL[info.defaultSeverity] },
    };
  });
  const toResult = (file: string, d: Diagnostic) => ({
    ruleId: String(d.code),
    ruleIndex: ruleIndex.get(String(d.code)),
    level: LEVEL[severityName(d.severity)],
    message: { text: d.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: file.split(/[\\/]/).map(encodeURIComponent).join('/') },
        region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
      },
    }],
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'mumbai-mesh', version, informationUri: RULES_DOC_URL, rules } },
      results: results.flatMap((r) => r.diagnostics.map((d) => toResult(r.file, d))),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
