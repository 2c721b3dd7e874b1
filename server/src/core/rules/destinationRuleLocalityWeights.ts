// MM421 on a DestinationRule `localityLbSetting.distribute` entry whose `to` weights do
// not add up to 100, or that gives a locality weight 0. Istio's webhook rejects both
// ("total locality weight … != 100", "locality weight must be in range [1, 100]",
// pkg/config/validation ValidateLocalityLbSetting). Checked in every traffic policy:
// top level, per port, per subset.
import type { Finding } from '../finding';
import { trafficPolicies } from './destinationRulePolicies';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { at, list, record, text } from './plainValue';
import type { Rule } from './rule';

export const destinationRuleLocalityWeights: Rule = {
  code: 'MM421',
  defaultSeverity: 'error',
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const findings: Finding[] = [];
    for (const tp of trafficPolicies(ctx.resource.resource.value)) {
      const base = [...tp.path, 'loadBalancer', 'localityLbSetting', 'distribute'];
      list(at(tp.policy, 'loadBalancer', 'localityLbSetting', 'distribute')).forEach((entry, i) => {
        const e = record(entry);
        const to = record(e?.to);
        if (!e || !to) return;
        const weights = Object.entries(to).map(([locality, w]) => ({ locality, weight: Number(w) }));
        if (weights.some((w) => !Number.isFinite(w.weight))) return; // wrong types are the schema's
        const zero = weights.find((w) => w.weight === 0);
        const from = text(e.from) || '(no from)';
        if (zero) {
          findings.push(findingAt(ctx, 'MM421', [...base, i, 'to', zero.locality], `Locality \`${zero.locality}\` has weight 0; Istio accepts only 1..100 and rejects the DestinationRule. Remove the locality instead of giving it 0.`));
          return;
        }
        const total = weights.reduce((sum, w) => sum + w.weight, 0);
        if (total === 100) return;
        findings.push(findingAt(ctx, 'MM421', [...base, i, 'to'], `Traffic from \`${from}\` is split ${weights.map((w) => w.weight).join(' + ')} = ${total}, not 100, so Istio rejects the DestinationRule. Adjust the weights to add up to 100.`));
      });
    }
    return findings;
  },
};
