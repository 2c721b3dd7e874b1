// IST0129 on a DestinationRule port-level TLS setting (SIMPLE or MUTUAL) without
// `caCertificates`: traffic to that port does not verify the server's certificate.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { at, list, record, spec, text } from './plainValue';
import { unverifiedTlsMode } from './destinationRuleTls';

export const destinationRulePortCaCertificates: IstioRule = {
  code: 'IST0129',
  defaultSeverity: 'warning',
  analyzers: ['destinationrule.CaCertificateAnalyzer'],
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const s = spec(ctx.resource.resource.value);
    const findings = [];
    const ports = list(at(s, 'trafficPolicy', 'portLevelSettings'));
    for (let i = 0; i < ports.length; i++) {
      const p = record(ports[i]);
      const mode = unverifiedTlsMode(p?.tls, s);
      if (!mode) continue;
      const port = text(record(p?.port)?.number);
      findings.push(findingAt(ctx, 'IST0129', ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls', 'mode'], `TLS mode ${mode} to \`${text(s.host)}\` port ${port || '?'} without \`caCertificates\`: the server's certificate is not verified. Set \`caCertificates\` (or a \`credentialName\` holding the CA) for this port.`));
    }
    return findings;
  },
};
