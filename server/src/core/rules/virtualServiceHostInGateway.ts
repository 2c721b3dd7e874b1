// IST0132 on a VirtualService `gateways` entry whose Gateway serves none of the
// VirtualService's hosts (server hosts, with their namespace prefixes, are compared with
// Istio's wildcard matching). Also reported when the Gateway does not exist.
import { findGateway, gatewayHostsFor, gatewayRef, isInternalGatewayName, MESH_GATEWAY } from './gatewayReferences';
import { hostsMatch } from './istioHosts';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { spec, strings } from './plainValue';
import { gatewaysOf } from './virtualServiceDestinations';

export const virtualServiceHostInGateway: IstioRule = {
  code: 'IST0132',
  defaultSeverity: 'warning',
  analyzers: ['virtualservice.GatewayAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings = [];
    const vs = ctx.resource.resource.value;
    const hosts = strings(spec(vs).hosts);
    const gateways = gatewaysOf(vs);
    for (let i = 0; i < gateways.length; i++) {
      const ref = gateways[i];
      if (ref === MESH_GATEWAY || isInternalGatewayName(ref)) continue;
      const { namespace, name } = gatewayRef(ctx.resource.namespace, ref);
      const served = gatewayHostsFor(findGateway(ctx.index, namespace, name), ctx.resource.namespace);
      if (served.some((g) => hosts.some((h) => hostsMatch(g, h)))) continue;
      findings.push(findingAt(ctx, 'IST0132', ['spec', 'gateways', i], `Gateway \`${namespace ? `${namespace}/` : ''}${name}\` serves none of this VirtualService's hosts (${hosts.join(', ') || 'none'}) to namespace \`${ctx.resource.namespace || '(none)'}\`, so these routes never apply there. Add a matching host to a Gateway server (mind its \`namespace/\` prefix) or change \`hosts\`.`, 'value'));
    }
    return findings;
  },
};
