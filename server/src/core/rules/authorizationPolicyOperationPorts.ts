// MM404 on an AuthorizationPolicy `to.operation.ports`/`notPorts` entry that is not a port
// number: Istio's webhook parses each as an integer 0..65535 (pkg/config/security
// ValidatePorts) and rejects the policy otherwise — a port name such as `http` or a range
// such as `8000-8080` is not accepted.
import type { Finding } from '../finding';
import { operations, stringItems } from './authorizationPolicyFields';
import { findingAt, ofKind, SECURITY } from './istioRule';
import type { Rule } from './rule';

export const authorizationPolicyOperationPorts: Rule = {
  code: 'MM404',
  defaultSeverity: 'error',
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx) {
    const findings: Finding[] = [];
    for (const op of operations(ctx.resource.resource.value)) {
      for (const key of ['ports', 'notPorts']) {
        for (const item of stringItems(op, key)) {
          const port = item.value;
          if (/^\d+$/.test(port) && Number(port) <= 65535) continue;
          if (port === '') continue; // Istio's "must not be empty" check, reported by the schema
          const why = /^\d+\s*-\s*\d+$/.test(port) ? 'ranges are not supported; list each port'
            : /^\d+$/.test(port) ? 'ports go up to 65535'
            : 'port names are not supported; write the container port number the workload listens on';
          findings.push(findingAt(ctx, 'MM404', item.path, `\`${port}\` in \`${key}\` is not a port number, so Istio rejects the policy: ${why}.`, 'value'));
        }
      }
    }
    return findings;
  },
};
