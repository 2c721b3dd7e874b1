// MM424 on DestinationRule outlier detection that can eject every endpoint: with
// `maxEjectionPercent: 100` and a low error threshold (`consecutive5xxErrors`,
// `consecutiveGatewayErrors` or the deprecated `consecutiveErrors` at 3 or fewer), a short
// burst of errors — a bad deploy, a dependency blip — ejects all hosts, and Envoy then
// answers 503 "no healthy upstream" instead of trying the recovering hosts. Istio sets
// Envoy's healthy-panic threshold from `minHealthPercent` (0 by default, i.e. no panic
// mode: pilot/pkg/networking/core/cluster_traffic_policy.go applyOutlierDetection), so a
// positive `minHealthPercent` is the documented safety net and silences this.
import type { Finding } from '../finding';
import { trafficPolicies } from './destinationRulePolicies';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { record } from './plainValue';
import type { Rule } from './rule';

/** Errors in a row that count as "low": a single failed health blip of a few requests. */
const LOW_THRESHOLD = 3;
const THRESHOLDS = ['consecutive5xxErrors', 'consecutiveGatewayErrors', 'consecutiveErrors'];

export const destinationRuleEjectAllHosts: Rule = {
  code: 'MM424',
  defaultSeverity: 'warning',
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const findings: Finding[] = [];
    for (const tp of trafficPolicies(ctx.resource.resource.value)) {
      const od = record(tp.policy.outlierDetection);
      if (!od || Number(od.maxEjectionPercent) < 100) continue;
      if (Number(od.minHealthPercent) > 0) continue;
      const low = THRESHOLDS.map((key) => ({ key, value: Number(od[key]) })).filter((t) => Number.isInteger(t.value) && t.value > 0 && t.value <= LOW_THRESHOLD);
      if (low.length === 0) continue;
      const t = low[0];
      findings.push(findingAt(ctx, 'MM424', [...tp.path, 'outlierDetection', 'maxEjectionPercent'], `With \`maxEjectionPercent: 100\` and \`${t.key}: ${t.value}\`, ${t.value} ${t.value === 1 ? 'error' : 'errors'} in a row per host can eject every host at once, and then all requests fail with 503 (no healthy upstream). Lower \`maxEjectionPercent\` (e.g. 50), raise the threshold, or set \`minHealthPercent\` so ejection stops while too few hosts are healthy.`, 'value'));
    }
    return findings;
  },
};
