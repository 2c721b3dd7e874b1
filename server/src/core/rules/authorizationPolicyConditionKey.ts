// MM400 on an AuthorizationPolicy `when.key` Istio does not accept: the webhook rejects
// the whole policy (istio/istio pkg/config/security ValidateAttribute). Keys Istio
// replaced get a pointed fix: `destination.namespace` → the policy's namespace,
// `destination.labels[…]` → `spec.selector`, `destination.name|user` → v1alpha1 only,
// `source.labels[…]` (never an attribute) → the caller's principal or namespace. A near
// miss (`request.header[x]`, `source.principals`) carries the right key in
// `data.replaceWith`.
import { checkAttribute } from './authorizationAttributes';
import { conditions } from './authorizationPolicyFields';
import { findingAt, ofKind, SECURITY } from './istioRule';
import type { Rule } from './rule';

export const authorizationPolicyConditionKey: Rule = {
  code: 'MM400',
  defaultSeverity: 'error',
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx) {
    const findings = [];
    for (const when of conditions(ctx.resource.resource.value)) {
      const key = when.value.key;
      if (typeof key !== 'string') continue;
      const result = checkAttribute(key);
      if (!result.problem) continue;
      const finding = findingAt(ctx, 'MM400', [...when.path, 'key'], result.problem, 'value');
      findings.push(result.suggestion ? { ...finding, data: { replaceWith: result.suggestion } } : finding);
    }
    return findings;
  },
};
