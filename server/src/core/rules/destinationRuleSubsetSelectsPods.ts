// IST0173 on a DestinationRule subset whose labels (plus the ServiceEntry's
// workloadSelector, for ServiceEntry hosts) select no workload: traffic routed to the
// subset fails. Workloads are Pods and pod templates (Deployments, StatefulSets,
// DaemonSets, ReplicaSets, Jobs); a Pod scheduled on a Node in the workspace also carries
// the Node's topology labels, as istiod adds them. Silent when the workspace holds no
// workloads at all (then they live elsewhere and nothing can be concluded).
import { derived } from '../workspace/derivedIndex';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { selectorMatches } from './labelSelector';
import { list, metadata, record, spec, stringMap, strings, text } from './plainValue';
import { lookupHost } from './serviceRegistry';
import { workloads } from './workloads';

const TOPOLOGY_LABELS = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];

/** Workload label sets, with Node topology labels added to scheduled Pods. */
function workloadLabels(index: WorkspaceIndex): readonly Readonly<Record<string, string>>[] {
  return derived(index, 'workloadLabelsWithTopology', (ix) => {
    const nodes = new Map<string, Record<string, string>>();
    for (const node of ix.ofKind('Node', '')) nodes.set(node.resource.name ?? '', stringMap(metadata(node.resource.value).labels));
    return workloads(ix).all.map((w) => {
      const nodeName = text(w.podSpec.nodeName);
      const node = nodeName ? nodes.get(nodeName) : undefined;
      if (!node) return w.labels;
      const labels: Record<string, string> = { ...w.labels };
      for (const key of TOPOLOGY_LABELS) if (node[key]) labels[key] = node[key];
      labels['kubernetes.io/hostname'] = nodeName;
      return labels;
    });
  });
}

export const destinationRuleSubsetSelectsPods: IstioRule = {
  code: 'IST0173',
  defaultSeverity: 'error',
  analyzers: ['destinationrule.SubsetSelectPodAnalyzer'],
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    if (!workloads(ctx.index).hasOwnWorkloads) return [];
    const s = spec(ctx.resource.resource.value);
    const service = lookupHost(ctx.index, ctx.resource.namespace, strings(s.exportTo), text(s.host));
    if (!service) return [];
    const all = workloadLabels(ctx.index);
    const findings = [];
    const subsets = list(s.subsets);
    for (let i = 0; i < subsets.length; i++) {
      const subset = record(subsets[i]);
      const selector = { ...service.workloadLabels, ...stringMap(subset?.labels) };
      if (all.some((labels) => selectorMatches(selector, labels))) continue;
      findings.push(findingAt(ctx, 'IST0173', ['spec', 'subsets', i, 'name'], `Subset \`${text(subset?.name)}\` selects no workload (no Pod or pod template has the labels ${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ') || '(none)'}); requests routed to it fail. Fix the labels or deploy a matching workload.`, 'value'));
    }
    return findings;
  },
};
