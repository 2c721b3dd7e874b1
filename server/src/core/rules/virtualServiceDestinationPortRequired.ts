// IST0112 on a VirtualService destination without a port when the destination Service
// or ServiceEntry exposes more than one port: Istio cannot tell which one is meant.
import { destinationServices } from './destinationServices';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';

export const virtualServiceDestinationPortRequired: IstioRule = {
  code: 'IST0112',
  defaultSeverity: 'error',
  analyzers: ['virtualservice.DestinationHostAnalyzer'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings = [];
    for (const { destination: d, service } of destinationServices(ctx)) {
      if (d.hasPort || service.ports.length < 2) continue;
      const ports = service.ports.map((p) => p.number).join(', ');
      findings.push(findingAt(ctx, 'IST0112', [...d.path, 'host'], `\`${d.host}\` exposes several ports (${ports}); add \`port.number\` to this destination to say which one receives the traffic.`, 'value'));
    }
    return findings;
  },
};
