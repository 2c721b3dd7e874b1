// IST0166 on an AuthorizationPolicy, RequestAuthentication, Telemetry or WasmPlugin that
// uses `selector` to pick the pods of a Gateway API gateway (label
// `gateway.networking.k8s.io/gateway-name`): such gateways ignore selectors; attach the
// policy with `targetRef`/`targetRefs` to the Gateway instead. Gateway pods are Pods and
// pod templates in the workspace.
import type { Finding } from '../finding';
import { findingAt, SECURITY, TELEMETRY, type IstioRule } from './istioRule';
import { selectorMatches } from './labelSelector';
import { at, spec, stringMap } from './plainValue';
import { workloads } from './workloads';

const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';
const KINDS = new Set([`${SECURITY}/AuthorizationPolicy`, `${SECURITY}/RequestAuthentication`, `${TELEMETRY}/Telemetry`, 'extensions.istio.io/WasmPlugin']);

export const policySelectsGatewayApiPods: IstioRule = {
  code: 'IST0166',
  defaultSeverity: 'warning',
  analyzers: ['k8sgateway.SelectorAnalyzer'],
  appliesTo: (r) => KINDS.has(`${r.group}/${r.resource.kind}`),
  check(ctx) {
    const s = spec(ctx.resource.resource.value);
    if (s.targetRef != null || s.targetRefs != null || s.selector == null) return [];
    const selector = stringMap(at(s, 'selector', 'matchLabels'));
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const w of workloads(ctx.index).byNamespace.get(ctx.resource.namespace) ?? []) {
      const gateway = w.labels[GATEWAY_NAME_LABEL];
      if (gateway === undefined || seen.has(gateway) || !selectorMatches(selector, w.labels)) continue;
      seen.add(gateway);
      findings.push(findingAt(ctx, 'IST0166', ['spec', 'selector'], `This selector picks the pods of Gateway API gateway \`${gateway}\`, which ignore selectors, so the policy has no effect there. Use \`targetRefs\` with kind Gateway and name \`${gateway}\` instead.`));
    }
    return findings;
  },
};
