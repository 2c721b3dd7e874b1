// MM423 on a DestinationRule subset whose labels match workloads, but none of the
// workloads behind the host's Service: Istio picks a subset's endpoints among the
// Service's endpoints, so the subset is empty and routes to it fail (503). Complements
// IST0173 (destinationRuleSubsetSelectsPods), which looks for the labels on any workload
// in the workspace and therefore misses `version: v3` borrowed from another app; that
// rule's cases (no workload has the labels at all) stay with it. Only reported when the
// Service's own workloads are in the workspace and use the same label keys (so the
// subset's pods cannot be ones kept elsewhere), as Kiali's
// KIA0203 ("this subset's labels are not found in any matching host") does against the
// cluster.
import { derivedData } from '../workspace/derivedIndex';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { displayName, findingAt, ofKind, NETWORKING } from './istioRule';
import { selectorMatches, selectorText } from './labelSelector';
import { list, metadata, record, spec, stringMap, strings, text } from './plainValue';
import type { Rule } from './rule';
import { lookupHost } from './serviceRegistry';
import { workloads, type Workload } from './workloads';
import { workloadName } from './workloadPolicies';

const TOPOLOGY_LABELS = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];

/** Each workload's labels with the topology labels istiod adds from its Node (scheduled Pods). */
function labelsWithTopology(index: WorkspaceIndex): ReadonlyMap<Workload, Readonly<Record<string, string>>> {
  return derivedData(index, 'subsetLabelsWithTopology', (ix) => {
    const nodes = new Map<string, Record<string, string>>();
    for (const node of ix.ofKind('Node', '')) nodes.set(node.resource.name ?? '', stringMap(metadata(node.resource.value).labels));
    const out = new Map<Workload, Readonly<Record<string, string>>>();
    for (const w of workloads(ix).all) {
      const nodeName = w.nodeName;
      const node = nodeName ? nodes.get(nodeName) : undefined;
      if (!node) {
        out.set(w, w.labels);
        continue;
      }
      const labels: Record<string, string> = { ...w.labels, 'kubernetes.io/hostname': nodeName };
      for (const key of TOPOLOGY_LABELS) if (node[key]) labels[key] = node[key];
      out.set(w, labels);
    }
    return out;
  });
}

export const destinationRuleSubsetOutsideService: Rule = {
  code: 'MM423',
  defaultSeverity: 'warning',
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const set = workloads(ctx.index);
    if (!set.hasOwnWorkloads) return [];
    const s = spec(ctx.resource.resource.value);
    const service = lookupHost(ctx.index, ctx.resource.namespace, strings(s.exportTo), text(s.host));
    const source = service?.source;
    if (!source || source.resource.kind !== 'Service') return [];
    const selector = stringMap(spec(source.resource.value).selector);
    if (Object.keys(selector).length === 0) return []; // endpoints managed by hand: labels unknown
    const labelsOf = labelsWithTopology(ctx.index);
    const behind = (set.byNamespace.get(source.namespace) ?? []).filter((w) => w.inWorkspace && selectorMatches(selector, labelsOf.get(w) ?? w.labels));
    if (behind.length === 0) return [];
    const findings = [];
    const subsets = list(s.subsets);
    for (let i = 0; i < subsets.length; i++) {
      const subset = record(subsets[i]);
      const labels = stringMap(subset?.labels);
      if (Object.keys(labels).length === 0) continue;
      if (behind.some((w) => selectorMatches(labels, labelsOf.get(w) ?? w.labels))) continue;
      const elsewhere = set.all.filter((w) => w.inWorkspace && selectorMatches(labels, labelsOf.get(w) ?? w.labels));
      if (elsewhere.length === 0) continue; // IST0173 reports it
      // only where the Service's pods use the same label keys: otherwise the pods carrying
      // them may simply live outside the workspace
      const keys = Object.keys(labels);
      const sameScheme = behind.filter((w) => keys.every((k) => k in (labelsOf.get(w) ?? w.labels)));
      if (sameScheme.length === 0) continue;
      const present = [...new Set(sameScheme.map((w) => selectorText(Object.fromEntries(keys.map((k) => [k, (labelsOf.get(w) ?? w.labels)[k]])))))].sort();
      const serviceName = displayName('Service', source.namespace, source.resource.name);
      findings.push(findingAt(ctx, 'MM423', ['spec', 'subsets', i, 'labels'], `The workloads behind ${serviceName} (selector ${selectorText(selector)}) have ${present.join(' or ')}, none ${selectorText(labels)}; only ${workloadName(elsewhere[0])}${elsewhere.length > 1 ? ` and ${elsewhere.length - 1} more` : ''} has it, and ${serviceName} does not select ${elsewhere.length > 1 ? 'them' : 'it'}. Subset \`${text(subset?.name)}\` is empty, so requests routed to it fail. Fix the labels, or label the Service's pods.`));
    }
    return findings;
  },
};
