// MM452 on a parentRef of a Linkerd HTTPRoute (policy.linkerd.io) that points to nothing:
// no Server, Service, EgressNetwork or Gateway of that name in the workspace. Linkerd
// attaches the route to nothing, so its rules never apply. A missing group/kind means a
// Gateway API Gateway, as in Gateway API; parent kinds Linkerd does not know are left alone.
import type { Finding } from '../finding';
import { GATEWAY_API } from './gatewayReferences';
import { findingAt, ofKind } from './istioRule';
import { findLinkerdTarget, LINKERD_POLICY, LINKERD_ROUTE_PARENTS, linkerdReference } from './linkerdPolicy';
import { referenceText } from './objectReference';
import { list, record, spec } from './plainValue';
import type { Rule } from './rule';

export const linkerdRouteParentExists: Rule = {
  code: 'MM452',
  defaultSeverity: 'error',
  appliesTo: ofKind('HTTPRoute', LINKERD_POLICY),
  check(ctx) {
    const findings: Finding[] = [];
    list(spec(ctx.resource.resource.value).parentRefs).forEach((value, i) => {
      if (!record(value)) return;
      const reference = linkerdReference(value, ctx.resource.namespace, LINKERD_ROUTE_PARENTS, { group: GATEWAY_API, kind: 'Gateway' });
      if (!reference.target || !reference.ref.name || findLinkerdTarget(ctx.index, reference)) return;
      const { ref } = reference;
      findings.push(findingAt(ctx, 'MM452', ['spec', 'parentRefs', i, 'name'], `No ${referenceText(ref)} exists in the workspace, so Linkerd attaches this HTTPRoute to nothing and its rules never apply. Fix the name${ref.explicitNamespace ? ' or namespace' : ''}, or add the ${ref.kind}.`, 'value'));
    });
    return findings;
  },
};
