// MM476 on an HTTPRoute or GRPCRoute rule whose backendRefs all have `weight: 0`: the rule
// has backends but none may receive traffic, so every matching request gets an error (HTTP
// 500 per the Gateway API spec). Often a canary shift left half done.
import type { Finding } from '../finding';
import { backendRefs, isAnyRoute, WEIGHTED_ROUTE_KINDS } from './gatewayApiRoutes';
import { findingAt } from './istioRule';
import type { Rule } from './rule';

export const gatewayApiZeroWeights: Rule = {
  code: 'MM476',
  defaultSeverity: 'warning',
  appliesTo: (r) => isAnyRoute(r) && WEIGHTED_ROUTE_KINDS.has(r.resource.kind),
  check(ctx) {
    const byRule = new Map<number, number[]>();
    for (const b of backendRefs(ctx.resource)) {
      if (!b.mirror) byRule.set(b.rule, [...(byRule.get(b.rule) ?? []), b.weight]);
    }
    const findings: Finding[] = [];
    for (const [rule, weights] of byRule) {
      if (weights.length === 0 || weights.some((w) => w !== 0)) continue;
      findings.push(findingAt(ctx, 'MM476', ['spec', 'rules', rule, 'backendRefs'], `Every backendRef of this rule has weight 0, so no backend may receive its traffic and matching requests get HTTP 500. Give at least one backend a weight above 0, or remove the rule.`));
    }
    return findings;
  },
};
