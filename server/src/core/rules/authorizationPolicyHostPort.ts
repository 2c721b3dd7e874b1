// MM405 on an AuthorizationPolicy `to.operation.hosts`/`notHosts` entry with a default
// port (`example.com:443`, `example.com:80`). Istio matches hosts against the request's
// Host/:authority header as written (pilot/pkg/security/authz/matcher HostMatcher: exact,
// or `*` at one end, case aside), and HTTP clients leave the default port out of that
// header, so the entry never matches. Under `hosts` of a DENY policy (or `notHosts` of an
// ALLOW policy) that silently lets requests through. Other ports stay silent: clients do
// send them (`reviews:9080`).
import type { Finding } from '../finding';
import { operations, stringItems } from './authorizationPolicyFields';
import { findingAt, ofKind, SECURITY } from './istioRule';
import type { Rule } from './rule';

const WITH_PORT = /^(\[[^\]]*\]|[^:[\]]*):(\d+|\*)$/;

export const authorizationPolicyHostPort: Rule = {
  code: 'MM405',
  defaultSeverity: 'warning',
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx) {
    const findings: Finding[] = [];
    for (const op of operations(ctx.resource.resource.value)) {
      for (const key of ['hosts', 'notHosts']) {
        for (const item of stringItems(op, key)) {
          const m = WITH_PORT.exec(item.value);
          if (!m || (m[2] !== '80' && m[2] !== '443')) continue;
          const host = m[1];
          const message = `Istio compares hosts with the Host header as written, and clients leave the default port ${m[2]} out of it, so \`${item.value}\` never matches. Write \`${host}\` (add \`${host}:*\` for clients that do send a port).`;
          const finding = findingAt(ctx, 'MM405', item.path, message, 'value');
          findings.push({ ...finding, data: { replaceWith: host } });
        }
      }
    }
    return findings;
  },
};
