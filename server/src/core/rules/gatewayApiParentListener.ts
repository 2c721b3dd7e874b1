// MM471 on a route parentRef whose `sectionName` names no listener of the Gateway, or whose
// `port` no listener (of that name) has. The Gateway does not accept the route for that
// parent (condition Accepted=False, reason NoMatchingParent).
import type { Finding } from '../finding';
import { findParent, isAnyRoute, isGatewayRef, listeners, parentRefs } from './gatewayApiRoutes';
import { findingAt } from './istioRule';
import { referenceText } from './objectReference';
import type { Rule } from './rule';

export const gatewayApiParentListener: Rule = {
  code: 'MM471',
  defaultSeverity: 'error',
  appliesTo: isAnyRoute,
  check(ctx) {
    const findings: Finding[] = [];
    for (const parent of parentRefs(ctx.resource)) {
      if (!isGatewayRef(parent) || (!parent.sectionName && parent.port === undefined)) continue;
      const gateway = findParent(ctx.index, parent);
      if (!gateway) continue;
      const all = listeners(gateway);
      const named = parent.sectionName ? all.filter((l) => l.name === parent.sectionName) : all;
      if (parent.sectionName && named.length === 0) {
        const names = all.map((l) => `\`${l.name}\``).join(', ');
        findings.push(findingAt(ctx, 'MM471', [...parent.path, 'sectionName'], `${referenceText(parent)} has no listener named \`${parent.sectionName}\`${names ? ` (its listeners: ${names})` : ''}, so it does not accept this route. Use one of its listener names.`, 'value'));
        continue;
      }
      if (parent.port !== undefined && !named.some((l) => l.port === parent.port)) {
        const ports = [...new Set(named.map((l) => l.port))].join(', ');
        const which = parent.sectionName ? `Listener \`${parent.sectionName}\` of ${referenceText(parent)}` : `No listener of ${referenceText(parent)}`;
        findings.push(findingAt(ctx, 'MM471', [...parent.path, 'port'], `${which} ${parent.sectionName ? 'does not listen' : 'listens'} on port ${parent.port}${ports ? ` (${parent.sectionName ? 'it listens on' : 'listener ports:'} ${ports})` : ''}, so the Gateway does not accept this route. Use a listener port or drop \`port\`.`, 'value'));
      }
    }
    return findings;
  },
};
