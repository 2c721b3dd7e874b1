// Our codes for the YAML parser's own error kinds. Syntax problems get codes of their own
// so a user can tell a tab from a duplicate key in the Problems panel and silence one.
const BY_YAML_CODE: Record<string, string> = {
  DUPLICATE_KEY: 'MM101',
  TAB_AS_INDENT: 'MM102',
  BAD_ALIAS: 'MM104',
  RESOURCE_EXHAUSTION: 'MM110',
};

export function codeForYamlError(yamlCode: string): string {
  return BY_YAML_CODE[yamlCode] ?? 'MM100';
}

const MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'This key appears twice in the same mapping; Kubernetes keeps only one of them. Remove or rename one.',
  TAB_AS_INDENT: 'YAML does not allow tabs for indentation. Indent with spaces.',
  RESOURCE_EXHAUSTION: 'This document is nested too deeply to analyse. Flatten it.',
};

export function messageForYamlError(yamlCode: string, parserMessage: string): string {
  return MESSAGES[yamlCode] ?? `YAML syntax error: ${parserMessage.replace(/\s+/g, ' ').trim()}`;
}
