// Selectors refer to the workloads they select (Pods and the pod templates of Deployments,
// StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs, as rules/workloads.ts lists
// them): a Service `selector`, an Istio `selector.matchLabels` or `workloadSelector.labels`,
// an Istio Gateway `selector`, and a Linkerd Server `podSelector`. Go to definition on a
// selector lists the workloads; find references on a workload's name lists the selectors.
import type { JsonPath } from '../parse/locator';
import { NETWORKING } from '../rules/istioRule';
import { selectorMatches } from '../rules/labelSelector';
import { LINKERD_POLICY, serverSelection } from '../rules/linkerdPolicy';
import { at, stringMap } from '../rules/plainValue';
import { workloads, type Workload } from '../rules/workloads';
import { resourceKey, type SiteCollector } from './navigationSites';

interface SelectorField {
  readonly path: JsonPath;
  /** Workloads in every namespace (an Istio Gateway selects its gateway pods anywhere). */
  readonly anyNamespace?: boolean;
}

const MATCH_LABELS: SelectorField = { path: ['spec', 'selector', 'matchLabels'] };
const WORKLOAD_SELECTOR: SelectorField = { path: ['spec', 'workloadSelector', 'labels'] };

/** `group/kind` → where its equality selector lives. */
const FIELDS: Readonly<Record<string, SelectorField>> = {
  '/Service': { path: ['spec', 'selector'] },
  'security.istio.io/AuthorizationPolicy': MATCH_LABELS,
  'security.istio.io/PeerAuthentication': MATCH_LABELS,
  'security.istio.io/RequestAuthentication': MATCH_LABELS,
  'telemetry.istio.io/Telemetry': MATCH_LABELS,
  'extensions.istio.io/WasmPlugin': MATCH_LABELS,
  [`${NETWORKING}/Sidecar`]: WORKLOAD_SELECTOR,
  [`${NETWORKING}/EnvoyFilter`]: WORKLOAD_SELECTOR,
  [`${NETWORKING}/ServiceEntry`]: WORKLOAD_SELECTOR,
  [`${NETWORKING}/Gateway`]: { path: ['spec', 'selector'], anyNamespace: true },
};

const keysOf = (picked: readonly Workload[]): string[] => picked.flatMap((w) => (w.source ? [resourceKey(w.source)] : []));

export const selectorSites: SiteCollector = (sink) => {
  const { entry, index } = sink;
  if (entry.group === LINKERD_POLICY && entry.resource.kind === 'Server') {
    const picked = serverSelection(index).get(entry);
    if (picked) sink.referBlock(['spec', 'podSelector'], keysOf(picked));
    return;
  }
  const field = FIELDS[`${entry.group}/${entry.resource.kind}`];
  if (!field) return;
  const raw = at(entry.resource.value, ...field.path);
  const selector = stringMap(raw);
  if (raw === undefined || Object.keys(selector).length === 0) return; // no selector, or one selecting everything
  const set = workloads(index);
  const pool = field.anyNamespace ? set.all : (set.byNamespace.get(entry.namespace) ?? []);
  sink.referBlock(field.path, keysOf(pool.filter((w) => selectorMatches(selector, w.labels))));
};
