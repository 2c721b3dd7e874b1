// MM470 on a Gateway API route parentRef naming a Gateway (the default kind) or a Service
// (a mesh route, GAMMA) that is not in the workspace: the route attaches to nothing and
// serves no traffic. Other parent kinds (implementation-specific) are left alone; Linkerd's
// own HTTPRoute is checked by MM452.
import type { Finding } from '../finding';
import { findParent, isGatewayApiRoute, isGatewayRef, isServiceRef, parentRefs } from './gatewayApiRoutes';
import { findingAt } from './istioRule';
import { referenceText } from './objectReference';
import type { Rule } from './rule';

export const gatewayApiParentExists: Rule = {
  code: 'MM470',
  defaultSeverity: 'error',
  appliesTo: isGatewayApiRoute,
  check(ctx) {
    const findings: Finding[] = [];
    for (const parent of parentRefs(ctx.resource)) {
      if (!parent.name || !(isGatewayRef(parent) || isServiceRef(parent)) || findParent(ctx.index, parent)) continue;
      findings.push(findingAt(ctx, 'MM470', [...parent.path, 'name'], `No ${referenceText(parent)} exists in the workspace, so this ${ctx.resource.resource.kind} attaches to nothing and serves no traffic. Fix the name${parent.explicitNamespace ? ' or namespace' : ''}, or add the ${parent.kind}.`, 'value'));
    }
    return findings;
  },
};
