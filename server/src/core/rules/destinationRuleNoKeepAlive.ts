// MM426 (info) on a DestinationRule with `connectionPool.http.maxRequestsPerConnection:
// 1`: Envoy closes each upstream connection after one request, so every request pays a
// new TCP and (in the mesh) mutual-TLS handshake — more latency and proxy CPU. Sometimes
// intended (to spread load evenly over new pods); mostly a copied circuit-breaking example.
import type { Finding } from '../finding';
import { trafficPolicies } from './destinationRulePolicies';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { at } from './plainValue';
import type { Rule } from './rule';

export const destinationRuleNoKeepAlive: Rule = {
  code: 'MM426',
  defaultSeverity: 'info',
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const findings: Finding[] = [];
    for (const tp of trafficPolicies(ctx.resource.resource.value)) {
      if (at(tp.policy, 'connectionPool', 'http', 'maxRequestsPerConnection') !== 1) continue;
      findings.push(findingAt(ctx, 'MM426', [...tp.path, 'connectionPool', 'http', 'maxRequestsPerConnection'], '`maxRequestsPerConnection: 1` turns keep-alive off: each request opens a new connection and, in the mesh, a new mutual-TLS handshake, which adds latency and proxy CPU. Remove it (unlimited reuse) unless you need connections recycled this often.', 'value'));
    }
    return findings;
  },
};
