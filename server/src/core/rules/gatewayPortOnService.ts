// IST0162 on an Istio Gateway server port that no Kubernetes Service in front of the
// selected gateway workloads exposes (TCP): clients cannot reach the listener.
import { gatewaySelector, selectedWorkloads, serverPortNumber, servicePortsOf } from './gatewayWorkloads';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { list, spec } from './plainValue';

export const gatewayPortOnService: IstioRule = {
  code: 'IST0162',
  defaultSeverity: 'warning',
  analyzers: ['gateway.IngressGatewayPortAnalyzer'],
  appliesTo: ofKind('Gateway', NETWORKING),
  check(ctx) {
    const selected = selectedWorkloads(ctx.index, gatewaySelector(ctx.resource));
    if (selected.length === 0) return [];
    const ports = servicePortsOf(ctx.index, selected);
    const findings = [];
    const servers = list(spec(ctx.resource.resource.value).servers);
    for (let i = 0; i < servers.length; i++) {
      const port = serverPortNumber(servers[i]);
      if (port === undefined || ports.has(port)) continue;
      findings.push(findingAt(ctx, 'IST0162', ['spec', 'servers', i, 'port', 'number'], `Port ${port} is not exposed by any Service in front of the selected gateway workloads (they expose: ${[...ports].sort((a, b) => a - b).join(', ') || 'none'}). Add the port to the gateway's Service or use an exposed port.`, 'value'));
    }
    return findings;
  },
};
