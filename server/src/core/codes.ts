// Every code the core can report, with its default severity and a one-line title.
// Codes never get renumbered; docs/rules.md has a section for each (a test checks that).
// Where istioctl analyze reports the same problem, the code is istioctl's (IST0xxx).
import type { Severity } from './finding';
import { RULE_CODES } from './rules/ruleCodes';

export interface CodeInfo {
  readonly code: string;
  readonly title: string;
  readonly defaultSeverity: Severity;
}

const list: CodeInfo[] = [
  // YAML and file-level problems
  { code: 'MM100', title: 'YAML syntax error', defaultSeverity: 'error' },
  { code: 'MM101', title: 'Duplicate key', defaultSeverity: 'error' },
  { code: 'MM102', title: 'Tab used for indentation', defaultSeverity: 'error' },
  { code: 'MM103', title: 'Alias expansion budget exceeded', defaultSeverity: 'error' },
  { code: 'MM104', title: 'Alias to an undefined anchor', defaultSeverity: 'error' },
  { code: 'MM105', title: 'File too large to analyse', defaultSeverity: 'info' },
  { code: 'MM106', title: 'File is not text', defaultSeverity: 'error' },
  { code: 'MM107', title: 'Template file analysed only where it is YAML', defaultSeverity: 'info' },
  { code: 'MM108', title: 'Document is not a resource mapping', defaultSeverity: 'warning' },
  { code: 'MM109', title: 'Resource is missing apiVersion or kind', defaultSeverity: 'error' },
  { code: 'MM110', title: 'Nesting too deep', defaultSeverity: 'error' },
  // Schema
  { code: 'MM200', title: 'Unknown field', defaultSeverity: 'error' },
  { code: 'MM201', title: 'Wrong value type', defaultSeverity: 'error' },
  { code: 'MM202', title: 'Value not allowed', defaultSeverity: 'error' },
  { code: 'MM203', title: 'Required field missing', defaultSeverity: 'error' },
  { code: 'MM204', title: 'Invalid duration', defaultSeverity: 'error' },
  { code: 'MM205', title: 'Fields that exclude each other', defaultSeverity: 'error' },
  { code: 'MM206', title: 'Value out of range', defaultSeverity: 'error' },
  { code: 'MM207', title: 'Kind not served in this apiVersion', defaultSeverity: 'error' },
  { code: 'MM208', title: 'Value does not match the expected format', defaultSeverity: 'error' },
  // Beyond the schema, one resource at a time
  { code: 'MM300', title: 'Deprecated or removed API version', defaultSeverity: 'warning' },
  { code: 'MM301', title: 'PromQL syntax error', defaultSeverity: 'error' },
  { code: 'MM302', title: 'Alert without severity, summary, description or runbook', defaultSeverity: 'info' },
  { code: 'IST0118', title: 'Port name does not say its protocol', defaultSeverity: 'info' },
];

export const CODES: ReadonlyMap<string, CodeInfo> = new Map([...list, ...RULE_CODES].map((c) => [c.code, c]));

export function codeInfo(code: string): CodeInfo {
  return CODES.get(code) ?? { code, title: code, defaultSeverity: 'warning' };
}
