// MM465 (info) on a wildcard `*` source of a Consul ServiceIntentions listed before a
// specific source that gets a different outcome. Consul does not read sources in order:
// it sorts them by precedence, exact names before wildcards (config_entry_intentions.go,
// `computeIntentionPrecedence`), so the wildcard never shadows the specific source. The
// list then reads as first-match-wins while Consul applies the opposite; moving the
// wildcard last makes the file say what Consul does. Nothing is misconfigured, hence info.
import type { Finding } from '../finding';
import { findingAt, ofKind } from './istioRule';
import { CONSUL } from './consulConfigEntries';
import { intentionSources, WILDCARD } from './consulIntentionSources';
import type { Rule } from './rule';

export const consulIntentionWildcardOrder: Rule = {
  code: 'MM465',
  defaultSeverity: 'info',
  appliesTo: ofKind('ServiceIntentions', CONSUL),
  check(ctx) {
    const sources = intentionSources(ctx.resource);
    const findings: Finding[] = [];
    for (const wildcard of sources) {
      if (wildcard.name !== WILDCARD) continue;
      const later = sources.filter((s) => s.index > wildcard.index && s.name && s.name !== WILDCARD && s.scope === wildcard.scope && s.outcome !== wildcard.outcome);
      if (later.length === 0) continue;
      const names = later.slice(0, 3).map((s) => `\`${s.name}\``).join(', ') + (later.length > 3 ? ', …' : '');
      findings.push(findingAt(ctx, 'MM465', ['spec', 'sources', wildcard.index, 'name'], `This \`*\` source is listed before ${names}, but Consul does not apply sources in list order: exact names take precedence over \`*\`, so ${later.length === 1 ? 'that source keeps its own' : 'those sources keep their own'} ${later.some((s) => s.outcome === 'permissions') ? 'intentions' : 'action'} and \`*\` (${wildcard.outcome || 'no action'}) covers only the sources not listed. Move the \`*\` entry to the end so the list reads in the order Consul evaluates it.`, 'value'));
    }
    return findings;
  },
};
