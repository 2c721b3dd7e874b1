// MM425 on a DestinationRule connection-pool limit set to 0 (`tcp.maxConnections`,
// `http.http1MaxPendingRequests`, `http2MaxRequests`, `maxRequestsPerConnection`,
// `maxRetries`, `maxConcurrentStreams`). Istio cannot tell 0 from "not set" and only
// passes values above 0 to Envoy (pilot/pkg/networking/core applyConnectionPool: "there
// isn't a way to distinguish between unset values and zero values"), so a 0 meant as
// "block" or "no queue" silently leaves Istio's default, practically unlimited, limit.
import type { Finding } from '../finding';
import { trafficPolicies } from './destinationRulePolicies';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { at } from './plainValue';
import type { Rule } from './rule';

const LIMITS: readonly (readonly [string, string])[] = [
  ['tcp', 'maxConnections'],
  ['http', 'http1MaxPendingRequests'],
  ['http', 'http2MaxRequests'],
  ['http', 'maxRequestsPerConnection'],
  ['http', 'maxRetries'],
  ['http', 'maxConcurrentStreams'],
];

export const destinationRuleZeroConnectionLimit: Rule = {
  code: 'MM425',
  defaultSeverity: 'warning',
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const findings: Finding[] = [];
    for (const tp of trafficPolicies(ctx.resource.resource.value)) {
      for (const [group, key] of LIMITS) {
        if (at(tp.policy, 'connectionPool', group, key) !== 0) continue;
        findings.push(findingAt(ctx, 'MM425', [...tp.path, 'connectionPool', group, key], `\`${key}: 0\` does not set a limit of zero: Istio reads 0 as "not set" and keeps its default, which is practically unlimited. Write the limit you want (1 or more), or remove the field.`, 'value'));
      }
    }
    return findings;
  },
};
