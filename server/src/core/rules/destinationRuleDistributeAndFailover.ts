// MM422 on a DestinationRule `localityLbSetting` that sets both `distribute` and
// `failover`. Istio's webhook rejects it ("can not simultaneously specify 'distribute'
// and 'failover'", pkg/config/validation ValidateLocalityLbSetting): `distribute` already
// says where each locality's traffic goes, failover included. Use one of the two.
import type { Finding } from '../finding';
import { trafficPolicies } from './destinationRulePolicies';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { at, list } from './plainValue';
import type { Rule } from './rule';

export const destinationRuleDistributeAndFailover: Rule = {
  code: 'MM422',
  defaultSeverity: 'error',
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const findings: Finding[] = [];
    for (const tp of trafficPolicies(ctx.resource.resource.value)) {
      const setting = at(tp.policy, 'loadBalancer', 'localityLbSetting');
      if (list(at(setting, 'distribute')).length === 0 || list(at(setting, 'failover')).length === 0) continue;
      findings.push(findingAt(ctx, 'MM422', [...tp.path, 'loadBalancer', 'localityLbSetting', 'failover'], 'This localityLbSetting sets both `distribute` and `failover`, which Istio rejects. Keep `distribute` to weight traffic between localities yourself, or `failover` (with outlierDetection) to stay local and fail over by region.'));
    }
    return findings;
  },
};
