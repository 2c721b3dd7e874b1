// MM410 on a VirtualService route with several destinations whose weights are all zero or
// left out. Istio's webhook rejects it ("total destination weight = 0",
// pkg/config/validation validateHTTPRouteDestinations / validateRouteDestinations): a
// missing weight counts as 0 and weights are not spread evenly. One destination alone
// needs no weight.
import type { Finding } from '../finding';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { list, record, spec } from './plainValue';
import type { Rule } from './rule';

export const virtualServiceZeroWeights: Rule = {
  code: 'MM410',
  defaultSeverity: 'error',
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings: Finding[] = [];
    const s = spec(ctx.resource.resource.value);
    for (const section of ['http', 'tcp', 'tls'] as const) {
      list(s[section]).forEach((rule, i) => {
        const routes = list(record(rule)?.route);
        if (routes.length < 2) return;
        const weights = routes.map((r) => Number(record(r)?.weight ?? 0));
        if (weights.some((w) => !Number.isFinite(w) || w !== 0)) return;
        const given = routes.some((r) => record(r)?.weight != null);
        const even = Math.floor(100 / routes.length);
        findings.push(findingAt(ctx, 'MM410', ['spec', section, i, 'route'], `${given ? 'Every destination has weight 0' : 'None of the destinations has a weight'}, so the total is 0 and Istio rejects the route (a missing weight counts as 0; it is not split evenly). Give the destinations weights, e.g. ${routes.map((_, k) => (k === 0 ? 100 - even * (routes.length - 1) : even)).join(' and ')}.`));
      });
    }
    return findings;
  },
};
