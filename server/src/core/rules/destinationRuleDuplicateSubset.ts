// MM420 on a DestinationRule subset whose name an earlier subset of the same rule already
// uses. Istio's webhook rejects the rule ("duplicate subset names", pkg/config/validation
// ValidateDestinationRule), and routes could not tell the two apart anyway.
import type { Finding } from '../finding';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { list, record, spec } from './plainValue';
import type { Rule } from './rule';

export const destinationRuleDuplicateSubset: Rule = {
  code: 'MM420',
  defaultSeverity: 'error',
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const seen = new Map<string, number>();
    const findings: Finding[] = [];
    list(spec(ctx.resource.resource.value).subsets).forEach((subset, i) => {
      const name = record(subset)?.name;
      if (typeof name !== 'string' || name === '') return;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, i);
        return;
      }
      findings.push(findingAt(ctx, 'MM420', ['spec', 'subsets', i, 'name'], `Subset \`${name}\` is already defined (subset #${first}), so Istio rejects this DestinationRule. Rename one of them, or merge their labels and policies into one.`, 'value'));
    });
    return findings;
  },
};
