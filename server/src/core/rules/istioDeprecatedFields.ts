// IST0002 on Istio fields and kinds that still parse but are deprecated or ignored:
// VirtualService `fault.delay.percent` (use `percentage`), Sidecar
// `outboundTrafficPolicy.egressProxy` (ignored), and the removed rbac.istio.io kinds.
import type { Finding } from '../finding';
import { findingAt, NETWORKING, type IstioRule } from './istioRule';
import { at, list, record, spec } from './plainValue';

const REMOVED_RBAC_KINDS = new Set(['ClusterRbacConfig', 'RbacConfig', 'ServiceRole', 'ServiceRoleBinding']);

export const istioDeprecatedFields: IstioRule = {
  code: 'IST0002',
  defaultSeverity: 'warning',
  analyzers: ['deprecation.DeprecationAnalyzer'],
  appliesTo: (r) => (r.group === NETWORKING && (r.resource.kind === 'VirtualService' || r.resource.kind === 'Sidecar')) || r.group === 'rbac.istio.io' || (r.resource.kind === 'CustomResourceDefinition' && r.group === 'apiextensions.k8s.io'),
  check(ctx) {
    const value = ctx.resource.resource.value;
    const kind = ctx.resource.resource.kind;
    const findings: Finding[] = [];
    if (ctx.resource.group === 'rbac.istio.io') {
      findings.push(findingAt(ctx, 'IST0002', ['kind'], `${kind} (rbac.istio.io) was removed from Istio and is ignored. Use an AuthorizationPolicy (security.istio.io) instead.`, 'value'));
    } else if (kind === 'CustomResourceDefinition') {
      const group = String(at(value, 'spec', 'group') ?? '');
      const crdKind = String(at(value, 'spec', 'names', 'kind') ?? '');
      if (group === 'rbac.istio.io' && REMOVED_RBAC_KINDS.has(crdKind)) {
        findings.push(findingAt(ctx, 'IST0002', ['spec', 'names', 'kind'], `The custom resource type ${group} ${crdKind} was removed from Istio; delete this CustomResourceDefinition and use AuthorizationPolicy.`, 'value'));
      }
    } else if (kind === 'VirtualService') {
      list(spec(value).http).forEach((rule, i) => {
        const percent = at(record(rule), 'fault', 'delay', 'percent');
        if (typeof percent === 'number' && percent > 0) {
          findings.push(findingAt(ctx, 'IST0002', ['spec', 'http', i, 'fault', 'delay', 'percent'], '`fault.delay.percent` is deprecated; use `fault.delay.percentage.value` (a fraction of 100 that may have decimals).'));
        }
      });
    } else if (record(at(value, 'spec', 'outboundTrafficPolicy', 'egressProxy'))) {
      findings.push(findingAt(ctx, 'IST0002', ['spec', 'outboundTrafficPolicy', 'egressProxy'], '`outboundTrafficPolicy.egressProxy` is deprecated and ignored by Istio; route egress through an egress gateway with a VirtualService instead.'));
    }
    return findings;
  },
};
