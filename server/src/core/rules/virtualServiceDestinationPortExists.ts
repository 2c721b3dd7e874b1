// IST0101 on a VirtualService destination port that the destination Service or
// ServiceEntry does not expose.
import { destinationServices } from './destinationServices';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';

export const virtualServiceDestinationPortExists: IstioRule = {
  code: 'IST0101',
  defaultSeverity: 'error',
  analyzers: ['virtualservice.DestinationHostAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings = [];
    for (const { destination: d, service } of destinationServices(ctx)) {
      if (!d.hasPort || service.ports.some((p) => p.number === d.port)) continue;
      const known = service.ports.map((p) => p.number).join(', ') || 'none';
      findings.push(findingAt(ctx, 'IST0101', [...d.path, 'port', 'number'], `\`${d.host}\` has no port ${d.port} (its ports: ${known}). Route to one of its ports, or add the port to the Service/ServiceEntry.`, 'value'));
    }
    return findings;
  },
};
