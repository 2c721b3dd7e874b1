// Quick fixes for our diagnostics, each a WorkspaceEdit: the `data` a finding carries says
// what the cure is (see fixData.ts); the missing-subset fix reads the workspace index.
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../analyzeFile';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { addGatewayFix } from './addGateway';
import { addSubsetFix } from './addSubset';
import { fixData } from './fixData';
import { moveFieldFix } from './moveField';
import { replaceFixes } from './replaceText';

export interface QuickFixInput {
  readonly uri: string;
  /** The analysis of the file's current text (the diagnostics' ranges refer to it). */
  readonly file: AnalyzedFile;
  /** The diagnostics of the request's context. */
  readonly diagnostics: readonly Diagnostic[];
  readonly index?: WorkspaceIndex;
}

export function quickFixes(input: QuickFixInput): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of input.diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = fixData(diagnostic.data);
    actions.push(...replaceFixes(input.uri, diagnostic, data));
    const move = moveFieldFix(input.uri, input.file, diagnostic, data);
    if (move) actions.push(move);
    if (diagnostic.code === 'IST0101') {
      const add = addSubsetFix(input.uri, input.file, diagnostic, data, input.index);
      if (add) actions.push(add);
      const gateway = addGatewayFix(input.uri, input.file, diagnostic, data);
      if (gateway) actions.push(gateway);
    }
  }
  return actions;
}
