// Fixes that replace the diagnostic's own range: rename a misspelt key, pick the enum value
// or duration meant, quote or unquote a value of the wrong type, rewrite an apiVersion.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { scalarText } from '../completion/scalarText';
import type { FixData } from './fixData';

function action(title: string, uri: string, diagnostic: Diagnostic, newText: string, isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [uri]: [{ range: diagnostic.range, newText }] } } };
}

const tick = (s: string) => `\`${s}\``;

export function replaceFixes(uri: string, diagnostic: Diagnostic, data: FixData): CodeAction[] {
  const code = String(diagnostic.code ?? '');
  if (data.replaceApiVersion) return [action(`Use apiVersion ${tick(data.replaceApiVersion)}`, uri, diagnostic, scalarText(data.replaceApiVersion, true), true)];
  const to = data.replaceWith;
  if (to === undefined) return [];
  switch (code) {
    case 'MM200':
      return [action(`Rename ${tick(data.field ?? 'the field')} to ${tick(to)}`, uri, diagnostic, scalarText(to, true), true)];
    case 'MM201': {
      // the finding's replacement is already YAML text: the value quoted, unquoted or bracketed
      const title = to.startsWith('"') ? 'Put the value in quotes' : to.startsWith('[') ? 'Write the value as a list' : 'Remove the quotes';
      return [action(title, uri, diagnostic, to, true)];
    }
    case 'MM207':
      return [action(`Use apiVersion ${tick(to)}`, uri, diagnostic, scalarText(to, true), true)];
    default:
      return [action(`Change to ${tick(to)}`, uri, diagnostic, scalarText(to, true), true)];
  }
}
