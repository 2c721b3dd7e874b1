// IST0002 on a Telemetry tracing entry that uses a Lightstep extension provider: Istio
// deprecated the Lightstep provider (use OpenTelemetry). Providers are read from the
// MeshConfig in the ConfigMap `istio` in istio-system.
import type { Finding } from '../finding';
import { findingAt, ofKind, TELEMETRY, type IstioRule } from './istioRule';
import { meshConfig } from './meshConfig';
import { list, record, spec, text } from './plainValue';

export const telemetryLightstepProvider: IstioRule = {
  code: 'IST0002',
  defaultSeverity: 'warning',
  analyzers: ['telemetry.LightstepAnalyzer'],
  appliesTo: ofKind('Telemetry', TELEMETRY),
  check(ctx) {
    const providers = meshConfig(ctx.index).extensionProviders;
    const findings: Finding[] = [];
    list(spec(ctx.resource.resource.value).tracing).forEach((entry, i) => {
      list(record(entry)?.providers).forEach((p, j) => {
        const name = text(record(p)?.name);
        if (providers.get(name) !== 'lightstep') return;
        findings.push(findingAt(ctx, 'IST0002', ['spec', 'tracing', i, 'providers', j, 'name'], `Tracing provider \`${name}\` is a Lightstep provider, which Istio deprecated. Switch to an OpenTelemetry provider (\`opentelemetry\` in the MeshConfig).`, 'value'));
      });
    });
    return findings;
  },
};
