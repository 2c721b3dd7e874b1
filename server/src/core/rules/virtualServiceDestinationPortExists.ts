// IST0101 on a VirtualService destination port that the destination Service or
// ServiceEntry does not expose.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { strings, spec } from './plainValue';
import { lookupHost } from './serviceRegistry';
import { mirrorDestinations, routeDestinations } from './virtualServiceDestinations';

export const virtualServiceDestinationPortExists: IstioRule = {
  code: 'IST0101',
  defaultSeverity: 'error',
  analyzers: ['virtualservice.DestinationHostAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const vs = ctx.resource.resource.value;
    const exportTo = strings(spec(vs).exportTo);
    const findings = [];
    for (const d of [...routeDestinations(vs), ...mirrorDestinations(vs)]) {
      if (!d.hasPort) continue;
      const service = lookupHost(ctx.index, ctx.resource.namespace, exportTo, d.host);
      if (!service || service.ports.some((p) => p.number === d.port)) continue;
      const known = service.ports.map((p) => p.number).join(', ') || 'none';
      findings.push(findingAt(ctx, 'IST0101', [...d.path, 'port', 'number'], `\`${d.host}\` has no port ${d.port} (its ports: ${known}). Route to one of its ports, or add the port to the Service/ServiceEntry.`, 'value'));
    }
    return findings;
  },
};
