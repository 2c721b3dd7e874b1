// IST0157 on a Telemetry access-logging entry without `providers` when the MeshConfig
// names no default access-log provider: the entry then turns on nothing. Entries
// that only disable logging (`disabled: true`) need no provider. The MeshConfig
// is read from the ConfigMap `istio` in istio-system; Istio's default has no provider.
import type { Finding } from '../finding';
import { findingAt, ofKind, TELEMETRY, type IstioRule } from './istioRule';
import { meshConfig } from './meshConfig';
import { list, record, spec } from './plainValue';

export const telemetryAccessLogProvider: IstioRule = {
  code: 'IST0157',
  defaultSeverity: 'warning',
  analyzers: ['telemetry.ProviderAnalyzer'],
  appliesTo: ofKind('Telemetry', TELEMETRY),
  check(ctx) {
    if (meshConfig(ctx.index).defaultAccessLogProviders.length > 0) return [];
    const findings: Finding[] = [];
    list(spec(ctx.resource.resource.value).accessLogging).forEach((entry, i) => {
      if (list(record(entry)?.providers).length > 0 || record(entry)?.disabled === true) return;
      findings.push(findingAt(ctx, 'IST0157', ['spec', 'accessLogging', i], 'This access-logging entry names no provider and the mesh has no default access-log provider, so it has no effect. Add `providers: [{name: envoy}]` (or another provider from the MeshConfig).'));
    });
    return findings;
  },
};
