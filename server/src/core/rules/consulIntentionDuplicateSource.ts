// MM464 on a Consul ServiceIntentions source that repeats an earlier one (same service
// name, namespace, partition, peer and sameness group). Consul rejects the whole entry
// ("Sources[i] defines … more than once"), so none of its intentions apply.
import type { Finding } from '../finding';
import { findingAt, ofKind } from './istioRule';
import { CONSUL } from './consulConfigEntries';
import { intentionSources } from './consulIntentionSources';
import type { Rule } from './rule';

export const consulIntentionDuplicateSource: Rule = {
  code: 'MM464',
  defaultSeverity: 'error',
  appliesTo: ofKind('ServiceIntentions', CONSUL),
  check(ctx) {
    const seen = new Map<string, number>();
    const findings: Finding[] = [];
    for (const source of intentionSources(ctx.resource)) {
      if (!source.name) continue;
      const key = `${source.scope}|${source.name}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, source.index);
        continue;
      }
      findings.push(findingAt(ctx, 'MM464', ['spec', 'sources', source.index, 'name'], `Source \`${source.name}\` is already listed (sources[${first}]), and Consul rejects a ServiceIntentions that names a source twice, so none of its intentions apply. Merge the two entries into one.`, 'value'));
    }
    return findings;
  },
};
