// IST0173 on a DestinationRule subset whose labels (plus the ServiceEntry's
// workloadSelector, for ServiceEntry hosts) select no workload: traffic routed to the
// subset fails. Workloads are Pods and pod templates (Deployments, StatefulSets,
// DaemonSets, ReplicaSets, Jobs); a Pod scheduled on a Node in the workspace also carries
// the Node's topology labels, as istiod adds them. Silent when the workspace holds no
// workloads at all (then they live elsewhere and nothing can be concluded).
import { derivedData } from '../workspace/derivedIndex';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { selectorMatches } from './labelSelector';
import { list, metadata, record, spec, stringMap, strings, text } from './plainValue';
import { lookupHost } from './serviceRegistry';
import { workloads } from './workloads';

const TOPOLOGY_LABELS = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];

type Labels = Readonly<Record<string, string>>;

/** Workload label sets, with Node topology labels added to scheduled Pods. */
function workloadLabels(index: WorkspaceIndex): readonly Labels[] {
  return derivedData(index, 'workloadLabelsWithTopology', (ix) => {
    const nodes = new Map<string, Record<string, string>>();
    for (const node of ix.ofKind('Node', '')) nodes.set(node.resource.name ?? '', stringMap(metadata(node.resource.value).labels));
    return workloads(ix).all.map((w) => {
      const nodeName = w.nodeName;
      const node = nodeName ? nodes.get(nodeName) : undefined;
      if (!node) return w.labels;
      const labels: Record<string, string> = { ...w.labels };
      for (const key of TOPOLOGY_LABELS) if (node[key]) labels[key] = node[key];
      labels['kubernetes.io/hostname'] = nodeName;
      return labels;
    });
  });
}

/** The label sets carrying each `key=value`, so a selector is tried only on those with one of its labels. */
function labelSetsByLabel(index: WorkspaceIndex): ReadonlyMap<string, readonly Labels[]> {
  return derivedData(index, 'workloadLabelsWithTopology.byLabel', (ix) => {
    const map = new Map<string, Labels[]>();
    for (const labels of workloadLabels(ix)) {
      for (const key of Object.keys(labels)) {
        const pair = `${key}=${labels[key]}`;
        const bucket = map.get(pair);
        if (bucket) bucket.push(labels);
        else map.set(pair, [labels]);
      }
    }
    return map;
  });
}

/** Whether any workload's labels (with topology) carry every label of the selector. */
function anySelected(index: WorkspaceIndex, selector: Labels): boolean {
  const keys = Object.keys(selector);
  if (keys.length === 0) return workloadLabels(index).length > 0;
  const byLabel = labelSetsByLabel(index);
  const candidates = byLabel.get(`${keys[0]}=${selector[keys[0]]}`) ?? [];
  return candidates.some((labels) => selectorMatches(selector, labels));
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
    const findings = [];
    const subsets = list(s.subsets);
    for (let i = 0; i < subsets.length; i++) {
      const subset = record(subsets[i]);
      const selector = { ...service.workloadLabels, ...stringMap(subset?.labels) };
      if (anySelected(ctx.index, selector)) continue;
      findings.push(findingAt(ctx, 'IST0173', ['spec', 'subsets', i, 'name'], `Subset \`${text(subset?.name)}\` selects no workload (no Pod or pod template has the labels ${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ') || '(none)'}); requests routed to it fail. Fix the labels or deploy a matching workload.`, 'value'));
    }
    return findings;
  },
};
