// MM433 on an Istio Gateway whose selector matches workloads, but none of them is a gateway
// proxy: typically `selector: {app: reviews}` copied from a Service, which picks the
// application's pods. Their sidecars do not serve Gateway servers, so nothing listens on
// the Gateway's ports. IST0101 (gatewaySelectorMatchesWorkload.ts) covers a selector that
// matches nothing; this rule covers the rest. A gateway proxy is recognised by Istio's
// default labels (`istio: ingressgateway|egressgateway`), the gateway injection template
// (`inject.istio.io/templates: gateway`), an `istio-proxy` container started with
// `router`, a Gateway API managed pod (`gateway.networking.k8s.io/gateway-name`), or —
// for charts that rename everything — "gateway" in the workload's name or `app`/`istio`
// label.
import { gatewaySelector, selectedWorkloads } from './gatewayWorkloads';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { selectorText } from './labelSelector';
import type { Rule } from './rule';
import type { Workload } from './workloads';
import { workloadName } from './workloadPolicies';

export function isGatewayWorkload(w: Workload): boolean {
  if (!w.inWorkspace) return true; // Istio's default ingress gateway, assumed as istioctl does
  const istio = w.labels.istio ?? '';
  if (istio === 'ingressgateway' || istio === 'egressgateway') return true;
  if ((w.annotations['inject.istio.io/templates'] ?? '').split(',').map((t) => t.trim()).includes('gateway')) return true;
  if (w.labels['gateway.networking.k8s.io/gateway-name'] || w.labels['istio.io/gateway-name']) return true;
  if (w.runsRouter) return true;
  return /gateway/i.test(`${w.name} ${w.labels.app ?? ''} ${istio}`);
}

export const gatewaySelectsNonGatewayWorkload: Rule = {
  code: 'MM433',
  defaultSeverity: 'warning',
  appliesTo: ofKind('Gateway', NETWORKING),
  check(ctx) {
    const selector = gatewaySelector(ctx.resource);
    const selected = selectedWorkloads(ctx.index, selector);
    if (selected.length === 0 || selected.some(isGatewayWorkload)) return [];
    const names = selected.slice(0, 2).map(workloadName).join(', ') + (selected.length > 2 ? ` and ${selected.length - 2} more` : '');
    return [findingAt(ctx, 'MM433', ['spec', 'selector'], `The selector \`${selectorText(selector)}\` picks application workloads (${names}), not a gateway proxy; their sidecars do not serve Gateway servers, so nothing listens on these ports. Select your gateway deployment's labels (the default ingress gateway has \`istio: ingressgateway\`).`)];
  },
};
