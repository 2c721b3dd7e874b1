// MM451 on a Linkerd AuthorizationPolicy or HTTPLocalRateLimitPolicy whose `targetRef`
// points to nothing: a kind Linkerd does not accept there (admission.rs
// `validate_policy_target`: Server, HTTPRoute, GRPCRoute or the policy's own Namespace;
// rate limits: Server only), the right kind in the wrong group, another namespace, or a
// name no resource of that kind has. Such a policy authorizes or limits nothing.
import type { Finding } from '../finding';
import { findingAt } from './istioRule';
import { AUTHORIZATION_TARGETS, findLinkerdTarget, LINKERD_POLICY, linkerdReference, RATE_LIMIT_TARGETS } from './linkerdPolicy';
import { referenceText } from './objectReference';
import { at, record } from './plainValue';
import type { Rule } from './rule';

const TARGETS: Readonly<Record<string, typeof AUTHORIZATION_TARGETS>> = {
  AuthorizationPolicy: AUTHORIZATION_TARGETS,
  HTTPLocalRateLimitPolicy: RATE_LIMIT_TARGETS,
};

export const linkerdPolicyTargetExists: Rule = {
  code: 'MM451',
  defaultSeverity: 'error',
  appliesTo: (r) => r.group === LINKERD_POLICY && TARGETS[r.resource.kind] !== undefined,
  check(ctx) {
    const kind = ctx.resource.resource.kind;
    const value = at(ctx.resource.resource.value, 'spec', 'targetRef');
    if (!record(value)) return [];
    const accepted = TARGETS[kind];
    const reference = linkerdReference(value, ctx.resource.namespace, accepted);
    const { ref } = reference;
    const path = ['spec', 'targetRef'];
    const findings: Finding[] = [];
    if (!ref.kind || !ref.name) return [];
    if (!reference.target) {
      if (reference.groupFor) {
        findings.push(findingAt(ctx, 'MM451', [...path, record(value)?.group === undefined ? 'kind' : 'group'], `Linkerd reads this targetRef as ${ref.group || 'core'}/${ref.kind}, which it does not accept here. Set \`group: ${reference.groupFor.group || 'core'}\`.`, 'value'));
      } else {
        const names = [...new Set(accepted.map((a) => a.kind))].join(', ');
        findings.push(findingAt(ctx, 'MM451', [...path, 'kind'], `Linkerd does not accept a ${ref.kind} as the target of this ${kind} (it takes ${names}), so it refuses the policy. Point targetRef at one of those.`, 'value'));
      }
      return findings;
    }
    if (ref.kind === 'Namespace') {
      if (ref.name !== ctx.resource.namespace) {
        findings.push(findingAt(ctx, 'MM451', [...path, 'name'], `This ${kind} can only target its own namespace (\`${ctx.resource.namespace}\`), not \`${ref.name}\`; Linkerd refuses it. Use \`name: ${ctx.resource.namespace}\` or move the policy to namespace \`${ref.name}\`.`, 'value'));
      }
      return findings;
    }
    if (findLinkerdTarget(ctx.index, reference)) return findings;
    findings.push(findingAt(ctx, 'MM451', [...path, 'name'], `No ${referenceText(ref)} exists in the workspace, so this ${kind} applies to nothing. Fix the name, or add the ${ref.kind} in namespace \`${ref.namespace}\`.`, 'value'));
    return findings;
  },
};
