// IST0134 on a ServiceEntry port that is TCP (or has no protocol) when the entry has no
// `addresses`: sidecars cannot tell its traffic apart from other TCP traffic on that
// port. Not reported when Istio allocated addresses (`status.addresses`) or when the
// MeshConfig (ConfigMap `istio` in istio-system) turns on DNS capture with address
// auto-allocation.
import type { Finding } from '../finding';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { meshConfig } from './meshConfig';
import { at, list, record, spec, text } from './plainValue';

export const serviceEntryAddressesRequired: IstioRule = {
  code: 'IST0134',
  defaultSeverity: 'warning',
  analyzers: ['serviceentry.Analyzer'],
  appliesTo: ofKind('ServiceEntry', NETWORKING),
  check(ctx) {
    const value = ctx.resource.resource.value;
    const s = spec(value);
    if (list(s.addresses).length > 0 || list(at(value, 'status', 'addresses')).length > 0) return [];
    const md = meshConfig(ctx.index).proxyMetadata;
    if (md.ISTIO_META_DNS_CAPTURE === 'true' && md.ISTIO_META_DNS_AUTO_ALLOCATE === 'true') return [];
    const findings: Finding[] = [];
    list(s.ports).forEach((p, i) => {
      const protocol = text(record(p)?.protocol).toUpperCase();
      if (protocol !== '' && protocol !== 'TCP') return;
      findings.push(findingAt(ctx, 'IST0134', ['spec', 'ports', i], 'A TCP port (or one without a protocol) on a ServiceEntry without `addresses` makes the sidecar match this traffic by port alone, which clashes with other TCP services on the same port. Add `addresses`, or set an application protocol (HTTP, HTTPS, TLS…).'));
    });
    return findings;
  },
};
