// IST0101 on a VirtualService `gateways` entry that names no Gateway (Istio or Gateway
// API) in the workspace. `mesh` is always fine.
import { findGateway, gatewayRef, isInternalGatewayName, MESH_GATEWAY } from './gatewayReferences';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { gatewaysOf } from './virtualServiceDestinations';
import { list, spec, text } from './plainValue';

export const virtualServiceGatewayExists: IstioRule = {
  code: 'IST0101',
  defaultSeverity: 'error',
  analyzers: ['virtualservice.GatewayAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings = [];
    const gateways = gatewaysOf(ctx.resource.resource.value);
    for (let i = 0; i < gateways.length; i++) {
      const ref = gateways[i];
      if (ref === MESH_GATEWAY || isInternalGatewayName(ref)) continue;
      const { namespace, name } = gatewayRef(ctx.resource.namespace, ref);
      if (findGateway(ctx.index, namespace, name)) continue;
      const hosts = list(spec(ctx.resource.resource.value).hosts).map(text).filter((h) => h !== '');
      findings.push({
        ...findingAt(ctx, 'IST0101', ['spec', 'gateways', i], `No Gateway \`${name}\` exists in namespace \`${namespace || '(none)'}\`, so this route is never served there. Fix the name (use \`namespace/name\` for a Gateway in another namespace) or add the Gateway.`, 'value'),
        data: { addGateway: { name, namespace, hosts } },
      });
    }
    return findings;
  },
};
