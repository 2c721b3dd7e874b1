// IST0144 on a Pod or pod template (Deployments, StatefulSets, DaemonSets, ReplicaSets,
// Jobs, CronJobs) that runs application containers as UID 1337: Istio's proxy uses that
// UID and its traffic capture exempts it, so the app's traffic bypasses the mesh. Istio's
// own components (label `istio`, or `release: istio`) are skipped.
import type { Finding } from '../finding';
import type { JsonPath } from '../parse/locator';
import { findingAt, type IstioRule } from './istioRule';
import { at, list, metadata, record, stringMap, text } from './plainValue';
import { podTemplateOf } from './workloads';

const PROXY_UID = 1337;
const PROXY_CONTAINERS = new Set(['istio-proxy', 'istio-operator']);

export const workloadProxyUid: IstioRule = {
  code: 'IST0144',
  defaultSeverity: 'warning',
  analyzers: ['applicationUID.Analyzer'],
  appliesTo: (r) => (r.group === '' && r.resource.kind === 'Pod') || podTemplateOf(r) !== undefined,
  check(ctx) {
    const value = ctx.resource.resource.value;
    const labels = stringMap(metadata(value).labels);
    if ('istio' in labels || labels.release === 'istio') return [];
    const base: JsonPath = ctx.resource.resource.kind === 'Pod' ? ['spec'] : ctx.resource.resource.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'spec'] : ['spec', 'template', 'spec'];
    const podSpec = record(at(value, ...base)) ?? {};
    const message = 'This workload runs as UID 1337, the UID of the Istio proxy; traffic from that UID is not captured, so the application bypasses the mesh. Run it as another user.';
    const findings: Finding[] = [];
    if (Number(at(podSpec, 'securityContext', 'runAsUser')) === PROXY_UID) findings.push(findingAt(ctx, 'IST0144', [...base, 'securityContext', 'runAsUser'], message, 'value'));
    list(podSpec.containers).forEach((c, i) => {
      if (PROXY_CONTAINERS.has(text(record(c)?.name))) return;
      if (Number(at(c, 'securityContext', 'runAsUser')) === PROXY_UID) findings.push(findingAt(ctx, 'IST0144', [...base, 'containers', i, 'securityContext', 'runAsUser'], message, 'value'));
    });
    return findings;
  },
};
