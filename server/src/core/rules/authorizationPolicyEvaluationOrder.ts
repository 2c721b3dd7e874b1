// MM408 (info): evaluation-order hints for AuthorizationPolicies on the same workloads.
// Istio evaluates CUSTOM policies first, then DENY, then ALLOW (Istio AuthorizationPolicy
// reference, "the CUSTOM action is evaluated first, then the DENY action, and finally the
// ALLOW action"), so:
// - on a DENY policy when a CUSTOM policy covers the same workloads: the external
//   authorizer decides first, and only what it lets through reaches the DENY rules;
// - on an ALLOW rule that repeats a rule of a DENY policy on the same workloads, or any
//   ALLOW policy there when a DENY policy has a rule without conditions: the DENY policy
//   rejects those requests first, so the ALLOW never takes effect.
import type { Finding } from '../finding';
import { perEntry } from '../workspace/entryMemo';
import type { IndexedResource } from '../workspace/workspaceIndex';
import { isEmptyRule } from './authorizationPolicyAllowEmptyRule';
import { scopeOf, scopesOverlap, scopesReaching } from './authorizationPolicyScope';
import { displayName, existingPath, findingAt, ofKind, SECURITY } from './istioRule';
import { list, record, spec } from './plainValue';
import type { Rule } from './rule';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  const r = record(value);
  if (!r) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(r).sort()) if (r[key] != null) out[key] = canonical(r[key]);
  return out;
}

/** Each rule of the policy in a canonical form (keys sorted, nulls dropped), to compare rules. */
function ruleKeys(entry: IndexedResource): readonly string[] {
  return perEntry(entry, 'authorizationPolicy.ruleKeys', (e) => list(spec(e.resource.value).rules).map((rule) => JSON.stringify(canonical(rule))));
}

function name(entry: IndexedResource): string {
  const file = entry.uri.slice(entry.uri.lastIndexOf('/') + 1);
  return `${displayName('AuthorizationPolicy', entry.namespace, entry.resource.name)} (${file})`;
}

export const authorizationPolicyEvaluationOrder: Rule = {
  code: 'MM408',
  defaultSeverity: 'info',
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx) {
    const self = scopeOf(ctx.index, ctx.resource);
    if (!self || (self.action !== 'DENY' && self.action !== 'ALLOW')) return [];
    const others = scopesReaching(ctx.index, self).filter((p) => p.entry !== ctx.resource && scopesOverlap(ctx.index, self, p));
    const findings: Finding[] = [];
    if (self.action === 'DENY') {
      const custom = others.filter((p) => p.action === 'CUSTOM');
      if (custom.length > 0) {
        findings.push(findingAt(ctx, 'MM408', existingPath(ctx, ['spec', 'action']), `${name(custom[0].entry)}${custom.length > 1 ? ` and ${custom.length - 1} more CUSTOM ${custom.length > 2 ? 'policies' : 'policy'}` : ''} also ${custom.length > 1 ? 'apply' : 'applies'} to these workloads, and CUSTOM runs first: a request the external authorizer rejects never reaches this DENY policy, and one it allows is still checked here, then by the ALLOW policies.`, 'value'));
      }
      return findings;
    }
    const denies = others.filter((p) => p.action === 'DENY');
    const denyAll = denies.find((p) => list(spec(p.entry.resource.value).rules).some(isEmptyRule));
    if (denyAll) {
      return [findingAt(ctx, 'MM408', existingPath(ctx, ['spec', 'rules']), `${name(denyAll.entry)} has a rule without conditions, so it denies every request to these workloads before ALLOW policies are looked at: this policy never lets anything through.`)];
    }
    const denyRules = new Map<string, IndexedResource>();
    for (const p of denies) {
      for (const rule of ruleKeys(p.entry)) denyRules.set(rule, p.entry);
    }
    ruleKeys(ctx.resource).forEach((rule, i) => {
      const deny = denyRules.get(rule);
      if (!deny) return;
      findings.push(findingAt(ctx, 'MM408', ['spec', 'rules', i], `${name(deny)} has the same rule, and DENY runs before ALLOW: the requests this rule would allow are denied. Remove one of the two, or narrow the DENY rule.`));
    });
    return findings;
  },
};
