// MM473 on a route backendRef (or requestMirror backendRef) naming a Service that is not in
// the workspace. Requests the rule sends there fail (HTTP 500 for HTTPRoute, condition
// ResolvedRefs=False, BackendNotFound). Backends of other kinds are left alone.
import type { Finding } from '../finding';
import { backendRefs, isAnyRoute, isServiceRef } from './gatewayApiRoutes';
import { findingAt } from './istioRule';
import { findReferenced, referenceText } from './objectReference';
import type { Rule } from './rule';

export const gatewayApiBackendExists: Rule = {
  code: 'MM473',
  defaultSeverity: 'error',
  appliesTo: isAnyRoute,
  check(ctx) {
    const findings: Finding[] = [];
    for (const backend of backendRefs(ctx.resource)) {
      if (!backend.name || !isServiceRef(backend) || findReferenced(ctx.index, backend)) continue;
      findings.push(findingAt(ctx, 'MM473', [...backend.path, 'name'], `No ${referenceText(backend)} exists in the workspace, so requests sent to this backend fail. Fix the name${backend.explicitNamespace ? ' or namespace' : ''}, or add the Service.`, 'value'));
    }
    return findings;
  },
};
