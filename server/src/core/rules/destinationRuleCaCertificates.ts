// IST0128 on a DestinationRule whose traffic-policy TLS (SIMPLE or MUTUAL) sets no
// `caCertificates`: the sidecar then does not verify the server's certificate.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { at, spec, text } from './plainValue';
import { unverifiedTlsMode } from './destinationRuleTls';

export const destinationRuleCaCertificates: IstioRule = {
  code: 'IST0128',
  defaultSeverity: 'warning',
  analyzers: ['destinationrule.CaCertificateAnalyzer'],
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const s = spec(ctx.resource.resource.value);
    const mode = unverifiedTlsMode(at(s, 'trafficPolicy', 'tls'), s);
    if (!mode) return [];
    return [findingAt(ctx, 'IST0128', ['spec', 'trafficPolicy', 'tls', 'mode'], `TLS mode ${mode} to \`${text(s.host)}\` without \`caCertificates\`: the server's certificate is not verified, so a man in the middle goes unnoticed. Set \`caCertificates\` (or a \`credentialName\` holding the CA).`)];
  },
};
