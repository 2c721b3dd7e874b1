// IST0175 on an istiod Deployment (in the root namespace) without the
// BLOCKED_CIDRS_IN_JWKS_URIS environment variable while RequestAuthentications in the
// workspace fetch keys from `jwksUri`s: istiod then fetches any URI, including internal
// addresses (server-side request forgery).
import { derivedData } from '../workspace/derivedIndex';
import { findingAt, SECURITY, type IstioRule } from './istioRule';
import { meshConfig } from './meshConfig';
import { at, list, record, text } from './plainValue';

export const istiodJwksCidrs: IstioRule = {
  code: 'IST0175',
  defaultSeverity: 'warning',
  analyzers: ['authn.BlockedCIDRsAnalyzer'],
  appliesTo: (r) => r.group === 'apps' && r.resource.kind === 'Deployment' && r.resource.name === 'istiod',
  check(ctx) {
    if (ctx.resource.namespace !== meshConfig(ctx.index).rootNamespace) return [];
    const usesJwksUri = derivedData(ctx.index, 'requestAuthnUsesJwksUri', (ix) =>
      ix.ofKind('RequestAuthentication', SECURITY).some((ra) => list(at(ra.resource.value, 'spec', 'jwtRules')).some((r) => text(record(r)?.jwksUri) !== '')),
    );
    if (!usesJwksUri) return [];
    const containers = list(at(ctx.resource.resource.value, 'spec', 'template', 'spec', 'containers'));
    const index = containers.findIndex((c) => text(record(c)?.name) === 'discovery');
    const discovery = record(containers[index]);
    if (!discovery) return [];
    if (list(discovery.env).some((e) => text(record(e)?.name) === 'BLOCKED_CIDRS_IN_JWKS_URIS')) return [];
    return [findingAt(ctx, 'IST0175', ['spec', 'template', 'spec', 'containers', index, 'name'], 'RequestAuthentications fetch keys from `jwksUri`, and istiod has no BLOCKED_CIDRS_IN_JWKS_URIS, so it will fetch from any address, internal ones included. Set BLOCKED_CIDRS_IN_JWKS_URIS on the discovery container (e.g. your cluster and metadata CIDRs).', 'value')];
  },
};
