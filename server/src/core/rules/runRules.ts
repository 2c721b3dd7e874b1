// Runs the cross-resource rules over the resources of one file against the whole
// workspace index. Offsets in the findings are absolute in that file.
import type { Finding } from '../finding';
import { createLocator } from '../parse/locator';
import type { Settings } from '../settings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Rule } from './rule';

export function runRules(uri: string, index: WorkspaceIndex, settings: Settings, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const resource of index.inFile(uri)) {
    let locator;
    for (const rule of rules) {
      if (settings.rules[rule.code] === 'off' || !rule.appliesTo(resource)) continue;
      locator ??= createLocator(resource.resource.node, resource.base);
      findings.push(...rule.check({ resource, index, settings, locator }));
    }
  }
  return findings;
}
