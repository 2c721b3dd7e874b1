// MM472 on a route parentRef to a Gateway in another namespace whose listeners (those the
// ref selects) do not allow routes from the route's namespace. Cross-namespace attachment
// is governed by the listener's `allowedRoutes.namespaces` (default `from: Same`), not by a
// ReferenceGrant; the Gateway ignores the route (Accepted=False, NotAllowedByListeners).
import type { Finding } from '../finding';
import { findParent, isAnyRoute, isGatewayRef, listenerAllows, parentRefs, selectedListeners } from './gatewayApiRoutes';
import { findingAt } from './istioRule';
import { referenceText } from './objectReference';
import { record, text } from './plainValue';
import type { Rule } from './rule';

export const gatewayApiParentNamespaceAllowed: Rule = {
  code: 'MM472',
  defaultSeverity: 'error',
  appliesTo: isAnyRoute,
  check(ctx) {
    const findings: Finding[] = [];
    const own = ctx.resource.namespace;
    for (const parent of parentRefs(ctx.resource)) {
      if (!isGatewayRef(parent) || parent.namespace === own) continue;
      const gateway = findParent(ctx.index, parent);
      if (!gateway) continue;
      const candidates = selectedListeners(gateway, parent);
      if (candidates.length === 0 || candidates.some((l) => listenerAllows(ctx.index, gateway, l, own))) continue;
      const froms = [...new Set(candidates.map((l) => text(record(l.allowedRoutes.namespaces)?.from) || 'Same (the default)'))].join(', ');
      findings.push(findingAt(ctx, 'MM472', [...parent.path, 'namespace'], `The listeners of ${referenceText(parent)} do not allow routes from namespace \`${own}\` (\`allowedRoutes.namespaces.from\`: ${froms}), so the Gateway ignores this route. On the Gateway, set \`allowedRoutes.namespaces.from: All\`, or \`Selector\` with a selector matching \`${own}\`.`, 'value'));
    }
    return findings;
  },
};
