// Preview of the DestinationRule subset a route names: its labels, whether it carries its own
// traffic policy, and where it is — or, when it is missing, which subsets do exist.
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { destinationRulesFor, fqdnOf } from './hostResolution';
import { code, isRecord, labelsText, records, shortList, specOf } from './previewFormat';
import { locationLink, resourceTitle } from './resourceLocation';

export function subsetPreview(index: WorkspaceIndex, subset: string, host: string | undefined, namespace: string): string {
  if (!host) return `**Subset ${code(subset)}**: this destination has no \`host\`, so no DestinationRule can be found for it.`;
  const fqdn = fqdnOf(host, namespace);
  const rules = destinationRulesFor(index, fqdn, namespace);
  for (const rule of rules) {
    const subsets = records(specOf(rule.resource.value).subsets);
    const i = subsets.findIndex((s) => s.name === subset);
    if (i === -1) continue;
    const found = subsets[i];
    const lines = [
      `**Subset ${code(subset)}** of ${resourceTitle(rule)} — ${locationLink(index, rule, ['spec', 'subsets', i])}`,
      `- Host: ${code(fqdn)}`,
      `- Labels: ${labelsText(found.labels) ?? '_none (all endpoints of the host)_'}`,
    ];
    if (isRecord(found.trafficPolicy)) lines.push(`- Own traffic policy: ${Object.keys(found.trafficPolicy).map(code).join(', ')}`);
    return lines.join('\n');
  }
  if (rules.length === 0) {
    return `**Subset ${code(subset)}**: no DestinationRule in the workspace is for ${code(fqdn)}, so requests routed to this subset fail (503, no healthy upstream).`;
  }
  const known = rules.flatMap((r) => records(specOf(r.resource.value).subsets).map((s) => s.name)).filter((n): n is string => typeof n === 'string');
  const where = locationLink(index, rules[0]);
  return `**Subset ${code(subset)}** is not defined for ${code(fqdn)}. ${resourceTitle(rules[0])} (${where}) has ${known.length > 0 ? `subsets ${shortList(known.map(code))}` : 'no subsets'}.`;
}
