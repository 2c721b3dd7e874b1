// IST0101 on an Istio Gateway whose `selector` matches no gateway workload: no proxy
// serves its servers. Workloads are Pods and pod templates (Deployments, StatefulSets,
// DaemonSets, ReplicaSets, Jobs) in any namespace, plus Istio's default ingress gateway
// (`istio: ingressgateway` in istio-system), which istioctl also assumes.
import { gatewaySelector, selectedWorkloads } from './gatewayWorkloads';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { selectorText } from './labelSelector';

export const gatewaySelectorMatchesWorkload: IstioRule = {
  code: 'IST0101',
  defaultSeverity: 'error',
  analyzers: ['gateway.IngressGatewayPortAnalyzer', 'gateway.SecretAnalyzer'],
  appliesTo: ofKind('Gateway', NETWORKING),
  check(ctx) {
    const selector = gatewaySelector(ctx.resource);
    if (selectedWorkloads(ctx.index, selector).length > 0) return [];
    return [findingAt(ctx, 'IST0101', ['spec', 'selector'], `No gateway workload has the labels \`${selectorText(selector)}\`, so no proxy serves this Gateway. Fix the selector to match your gateway Deployment's pod labels (the default ingress gateway has \`istio: ingressgateway\`).`)];
  },
};
