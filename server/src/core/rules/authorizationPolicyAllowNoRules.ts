// MM407 (info) on an ALLOW AuthorizationPolicy without rules that looks like its rules
// went missing: `action: ALLOW` written out, or a `rules` key left empty. Istio matches
// no request with such a policy, and once any ALLOW policy applies to a workload, requests
// no ALLOW policy matches are denied: it denies all traffic to the workloads it selects.
// Istio's documented "allow-nothing" policy is written without `action` and `rules`
// (`spec: {}`, perhaps with a selector); that form states its intent and stays silent.
import { policyAction } from './authorizationPolicyFields';
import { existingPath, findingAt, ofKind, SECURITY } from './istioRule';
import { meshConfig } from './meshConfig';
import { list, spec } from './plainValue';
import type { Rule } from './rule';

export const authorizationPolicyAllowNoRules: Rule = {
  code: 'MM407',
  defaultSeverity: 'info',
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx) {
    const value = ctx.resource.resource.value;
    const s = spec(value);
    if (policyAction(value) !== 'ALLOW' || list(s.rules).length > 0) return [];
    if (!('action' in s) && !('rules' in s)) return []; // the documented allow-nothing policy
    const selects = s.selector != null || s.targetRef != null || s.targetRefs != null;
    const scope = selects ? 'the workloads it selects'
      : ctx.resource.namespace === meshConfig(ctx.index).rootNamespace ? 'every workload in the mesh (it is in the root namespace)'
      : `every workload in namespace \`${ctx.resource.namespace || '(none)'}\``;
    const at = 'rules' in s ? existingPath(ctx, ['spec', 'rules']) : existingPath(ctx, ['spec', 'action']);
    return [findingAt(ctx, 'MM407', at, `This ALLOW policy has no rules, so it matches nothing and denies every request to ${scope}. Add the rules it should allow; for a deliberate deny-all, leave out \`action\` and \`rules\` as Istio's "allow-nothing" policy does.`)];
  },
};
