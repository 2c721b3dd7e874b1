// MM474 on a route backendRef whose `port` the Service does not expose (spec.ports[].port).
// The implementation finds no endpoint for the port and requests sent there fail.
import type { Finding } from '../finding';
import { backendRefs, isAnyRoute, isServiceRef } from './gatewayApiRoutes';
import { findingAt } from './istioRule';
import { findReferenced, referenceText } from './objectReference';
import type { Rule } from './rule';
import { servicePorts } from './serviceRegistry';
import { spec } from './plainValue';

export const gatewayApiBackendPort: Rule = {
  code: 'MM474',
  defaultSeverity: 'error',
  appliesTo: isAnyRoute,
  check(ctx) {
    const findings: Finding[] = [];
    for (const backend of backendRefs(ctx.resource)) {
      if (backend.port === undefined || !isServiceRef(backend)) continue;
      const service = findReferenced(ctx.index, backend);
      if (!service) continue;
      const ports = servicePorts(spec(service.resource.value), 'port');
      if (ports.some((p) => p.number === backend.port)) continue;
      const known = ports.map((p) => (p.name ? `${p.number} (${p.name})` : String(p.number))).join(', ');
      findings.push(findingAt(ctx, 'MM474', [...backend.path, 'port'], `${referenceText(backend)} has no port ${backend.port}${known ? `; it exposes ${known}` : ' (it lists no ports)'}, so requests sent to this backend fail. Use one of the Service's \`port\` values (not the targetPort).`, 'value'));
    }
    return findings;
  },
};
