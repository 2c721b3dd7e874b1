// IST0149 on a gateway VirtualService that routes on a JWT claim
// (`@request.auth.claims.…` header match) when a gateway workload it is bound to has no
// RequestAuthentication (in its namespace or the root namespace) selecting it: without
// one the claim is never extracted and the match never succeeds. Gateway workloads are
// Pods and pod templates in the workspace, plus the default ingress gateway.
import type { Finding } from '../finding';
import { byNamespace } from '../workspace/resourceLookup';
import { gatewayRef, MESH_GATEWAY } from './gatewayReferences';
import { findingAt, ofKind, NETWORKING, SECURITY, type IstioRule } from './istioRule';
import { selectorMatches } from './labelSelector';
import { meshConfig } from './meshConfig';
import { list, record, spec, stringMap, type Plain } from './plainValue';
import { gatewaysOf } from './virtualServiceDestinations';
import { workloads } from './workloads';

const CLAIM_PREFIX = '@request.auth.claims';

function claimKey(vs: Plain): string | undefined {
  for (const rule of list(spec(vs).http)) {
    for (const match of list(record(rule)?.match)) {
      const m = record(match);
      for (const key of [...Object.keys(record(m?.headers) ?? {}), ...Object.keys(record(m?.withoutHeaders) ?? {})]) {
        if (key.startsWith(CLAIM_PREFIX)) return key;
      }
    }
  }
  return undefined;
}

export const virtualServiceJwtClaimRoute: IstioRule = {
  code: 'IST0149',
  defaultSeverity: 'error',
  analyzers: ['virtualservice.JWTClaimRouteAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const vs = ctx.resource.resource.value;
    const key = claimKey(vs);
    if (!key) return [];
    const root = meshConfig(ctx.index).rootNamespace;
    const authn = byNamespace(ctx.index, 'RequestAuthentication', SECURITY);
    const findings: Finding[] = [];
    gatewaysOf(vs).forEach((ref, i) => {
      if (ref === MESH_GATEWAY) return;
      const { namespace, name } = gatewayRef(ctx.resource.namespace, ref);
      const gateway = ctx.index.lookup('Gateway', NETWORKING, namespace, name);
      if (!gateway) return;
      const selector = stringMap(spec(gateway.resource.value).selector);
      for (const w of workloads(ctx.index).all) {
        if (!selectorMatches(selector, w.labels)) continue;
        const candidates = [...(authn.get(root) ?? []), ...(w.namespace === root ? [] : authn.get(w.namespace) ?? [])];
        const covered = candidates.some((ra) => selectorMatches(stringMap(record(spec(ra.resource.value).selector)?.matchLabels), w.labels));
        if (covered) continue;
        findings.push(findingAt(ctx, 'IST0149', ['spec', 'gateways', i], `Routing on \`${key}\` needs a RequestAuthentication for the gateway workload \`${w.namespace ? `${w.namespace}/` : ''}${w.name}\` (behind ${ref}); none selects it, so the claim is never read and this match never succeeds. Add a RequestAuthentication selecting the gateway pods.`, 'value'));
      }
    });
    return findings;
  },
};
