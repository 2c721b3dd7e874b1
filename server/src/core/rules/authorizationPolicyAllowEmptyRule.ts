// MM406 on an ALLOW AuthorizationPolicy rule with no `from`, `to` or `when`: a rule
// without conditions matches every request (Istio docs, "allow-all" policy), so the
// policy allows all traffic to the workloads it selects — including callers and paths
// other ALLOW rules meant to be the only ones let in.
import type { Finding } from '../finding';
import { policyAction } from './authorizationPolicyFields';
import { findingAt, ofKind, SECURITY } from './istioRule';
import { list, record, spec } from './plainValue';
import type { Rule } from './rule';

/** A rule without any condition (a `{}` item, or keys left empty). */
export function isEmptyRule(rule: unknown): boolean {
  const r = record(rule);
  return r !== undefined && r.from == null && r.to == null && r.when == null;
}

export const authorizationPolicyAllowEmptyRule: Rule = {
  code: 'MM406',
  defaultSeverity: 'warning',
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx) {
    const value = ctx.resource.resource.value;
    if (policyAction(value) !== 'ALLOW') return [];
    const findings: Finding[] = [];
    list(spec(value).rules).forEach((rule, i) => {
      if (!isEmptyRule(rule)) return;
      findings.push(findingAt(ctx, 'MM406', ['spec', 'rules', i], 'This rule has no `from`, `to` or `when`, so it matches every request: the policy allows all traffic to the workloads it selects, whatever the other rules say. Add conditions, or remove the rule if it was a placeholder.', 'value'));
    });
    return findings;
  },
};
