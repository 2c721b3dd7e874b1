// MM475 on a Gateway API route backendRef to another namespace without a ReferenceGrant in
// that namespace allowing this route kind from this namespace to refer to that kind (and
// name). The implementation refuses the reference (ResolvedRefs=False, RefNotPermitted).
// Linkerd's HTTPRoute is not checked: Linkerd does not use ReferenceGrant. parentRefs need
// no grant; MM472 checks the Gateway's allowedRoutes instead.
import type { Finding } from '../finding';
import { backendRefs, isGatewayApiRoute, referenceGranted } from './gatewayApiRoutes';
import { findingAt } from './istioRule';
import { referenceText } from './objectReference';
import type { Rule } from './rule';

export const gatewayApiReferenceGrant: Rule = {
  code: 'MM475',
  defaultSeverity: 'error',
  appliesTo: isGatewayApiRoute,
  check(ctx) {
    const findings: Finding[] = [];
    const route = ctx.resource;
    for (const backend of backendRefs(route)) {
      if (!backend.name || backend.namespace === route.namespace || referenceGranted(ctx.index, route, backend)) continue;
      findings.push(findingAt(ctx, 'MM475', [...backend.path, 'namespace'], `No ReferenceGrant in namespace \`${backend.namespace}\` lets ${route.resource.kind}s from \`${route.namespace}\` refer to ${referenceText(backend)}, so the reference is refused and requests to this backend fail. Add a ReferenceGrant in \`${backend.namespace}\` with \`from: {group: ${route.group}, kind: ${route.resource.kind}, namespace: ${route.namespace}}\` and \`to: {group: "${backend.group}", kind: ${backend.kind}}\`.`, 'value'));
    }
    return findings;
  },
};
