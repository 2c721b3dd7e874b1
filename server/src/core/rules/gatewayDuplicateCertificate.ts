// IST0138 on Istio Gateways for the same gateway workloads (this Gateway's selector is
// contained in the other's; istiod does not scope gateways to namespaces by default) whose TLS servers use the same
// certificate (same credentialName, or same serverCertificate and privateKey files):
// browsers reuse HTTP/2 connections across such hosts and can get 404s.
import type { IndexedResource } from '../workspace/workspaceIndex';
import { gatewaySelector } from './gatewayWorkloads';
import { displayName, findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { selectorMatches } from './labelSelector';
import { list, record, spec, text, type Plain } from './plainValue';

function sameCertificate(a: Plain, b: Plain): boolean {
  const ca = text(a.credentialName);
  const cb = text(b.credentialName);
  if (ca && cb) return ca === cb;
  if (ca || cb) return false;
  const sa = text(a.serverCertificate);
  const ka = text(a.privateKey);
  return sa !== '' && sa === text(b.serverCertificate) && ka !== '' && ka === text(b.privateKey);
}

function tlsSettings(gateway: IndexedResource): { index: number; tls: Plain }[] {
  return list(spec(gateway.resource.value).servers)
    .map((s, index) => ({ index, tls: record(record(s)?.tls) }))
    .filter((s): s is { index: number; tls: Plain } => s.tls !== undefined);
}

export const gatewayDuplicateCertificate: IstioRule = {
  code: 'IST0138',
  defaultSeverity: 'warning',
  analyzers: ['gateway.CertificateAnalyzer'],
  appliesTo: ofKind('Gateway', NETWORKING),
  check(ctx) {
    const mine = tlsSettings(ctx.resource);
    if (mine.length === 0) return [];
    const selector = gatewaySelector(ctx.resource);
    const findings = [];
    for (const other of ctx.index.ofKind('Gateway', NETWORKING)) {
      if (other === ctx.resource || !selectorMatches(selector, gatewaySelector(other))) continue;
      const theirs = tlsSettings(other);
      for (const a of mine) {
        if (!theirs.some((b) => sameCertificate(a.tls, b.tls))) continue;
        findings.push(findingAt(ctx, 'IST0138', ['spec', 'servers', a.index, 'tls'], `This server uses the same certificate as ${displayName('Gateway', other.namespace, other.resource.name)} on the same gateway workloads; browsers may reuse connections across their hosts and get 404s. Use one Gateway for these hosts, or a separate certificate.`));
      }
    }
    return findings;
  },
};
