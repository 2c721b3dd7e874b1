// MM453 on an AuthorizationPolicy `requiredAuthenticationRefs` entry naming a
// MeshTLSAuthentication, NetworkAuthentication or ServiceAccount that is not in the
// workspace: Linkerd treats the policy as unsatisfiable, so the clients it was written for
// are denied. ServiceAccounts are only checked when the workspace defines some (many
// repositories leave them to another tool), and `default` exists in every namespace.
import type { Finding } from '../finding';
import { findingAt, ofKind } from './istioRule';
import { AUTHENTICATION_KINDS, findLinkerdTarget, LINKERD_POLICY, linkerdReference } from './linkerdPolicy';
import { referenceText } from './objectReference';
import { list, record, spec } from './plainValue';
import type { Rule } from './rule';

export const linkerdAuthenticationRefExists: Rule = {
  code: 'MM453',
  defaultSeverity: 'error',
  appliesTo: ofKind('AuthorizationPolicy', LINKERD_POLICY),
  check(ctx) {
    const findings: Finding[] = [];
    const hasServiceAccounts = ctx.index.ofKind('ServiceAccount', '').length > 0;
    list(spec(ctx.resource.resource.value).requiredAuthenticationRefs).forEach((value, i) => {
      if (!record(value)) return;
      const reference = linkerdReference(value, ctx.resource.namespace, AUTHENTICATION_KINDS);
      const { ref } = reference;
      if (!reference.target || !ref.name) return; // other kinds: Linkerd's admission reports them
      if (ref.kind === 'ServiceAccount' && (!hasServiceAccounts || ref.name === 'default')) return;
      if (findLinkerdTarget(ctx.index, reference)) return;
      findings.push(findingAt(ctx, 'MM453', ['spec', 'requiredAuthenticationRefs', i, 'name'], `No ${referenceText(ref)} exists in the workspace, so no client can satisfy this AuthorizationPolicy and the traffic it should allow is denied. Fix the name${ref.explicitNamespace ? ' or namespace' : ''}, or add the ${ref.kind}.`, 'value'));
    });
    return findings;
  },
};
