// MM432 on a DestinationRule that repeats what another DestinationRule of the same
// namespace already defines for the same host (and the same workloadSelector, if any): a
// subset of the same name, or a top-level traffic policy. istiod merges such rules but
// keeps only the first definition of each (pilot/pkg/model destination_rule.go
// mergeDestinationRule: duplicate subsets are dropped, a later top-level trafficPolicy is
// ignored), and "first" is the oldest in the cluster — so which one wins depends on
// apply order. Kiali flags the pair (KIA0201 "More than one DestinationRules for the same
// host subset combination"); here the later one in the workspace (by file, then position)
// gets the finding, naming the other.
import { derivedData } from '../workspace/derivedIndex';
import { perEntry } from '../workspace/entryMemo';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { toFqdn } from './istioHosts';
import { displayName, findingAt, ofKind, NETWORKING } from './istioRule';
import { at, list, record, spec, stringMap, text } from './plainValue';
import type { Rule } from './rule';

type Groups = ReadonlyMap<string, readonly IndexedResource[]>;

function groupKey(dr: IndexedResource): string | undefined {
  return perEntry(dr, 'destinationRuleGroupKey', hostGroupKey);
}

function hostGroupKey(dr: IndexedResource): string | undefined {
  const s = spec(dr.resource.value);
  const host = text(s.host);
  if (!host || host.startsWith('*')) return undefined;
  const selector = stringMap(at(s, 'workloadSelector', 'matchLabels'));
  const selectorKey = Object.keys(selector).sort().map((k) => `${k}=${selector[k]}`).join(',');
  return `${dr.namespace}|${toFqdn(dr.namespace, host)}|${selectorKey}`;
}

function groups(index: WorkspaceIndex): Groups {
  return derivedData(index, 'destinationRuleHostGroups', (ix) => {
    const out = new Map<string, IndexedResource[]>();
    for (const dr of ix.ofKind('DestinationRule', NETWORKING)) {
      const key = groupKey(dr);
      if (key) out.set(key, [...(out.get(key) ?? []), dr]);
    }
    for (const list of out.values()) list.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.base - b.base));
    return out;
  });
}

function subsetNames(dr: IndexedResource): string[] {
  return list(spec(dr.resource.value).subsets).map((s) => text(record(s)?.name)).filter((n) => n !== '');
}

function label(dr: IndexedResource): string {
  return `${displayName('DestinationRule', dr.namespace, dr.resource.name)} (${dr.uri.slice(dr.uri.lastIndexOf('/') + 1)})`;
}

export const destinationRuleDuplicateAcrossRules: Rule = {
  code: 'MM432',
  defaultSeverity: 'warning',
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    const key = groupKey(ctx.resource);
    const peers = key ? groups(ctx.index).get(key) ?? [] : [];
    // the same kind/namespace/name in two files is one resource written twice, not two rules
    const earlier = peers.slice(0, peers.indexOf(ctx.resource)).filter((dr) => dr.resource.name !== ctx.resource.resource.name);
    if (earlier.length === 0) return [];
    const findings = [];
    const host = text(spec(ctx.resource.resource.value).host);
    list(spec(ctx.resource.resource.value).subsets).forEach((s, i) => {
      const name = text(record(s)?.name);
      const other = earlier.find((dr) => subsetNames(dr).includes(name));
      if (!name || !other) return;
      findings.push(findingAt(ctx, 'MM432', ['spec', 'subsets', i, 'name'], `${label(other)} already defines subset \`${name}\` for \`${host}\`. Istio keeps only the definition applied first and drops the other, so which labels and policy win depends on apply order. Keep the subset in one DestinationRule.`, 'value'));
    });
    if (record(spec(ctx.resource.resource.value).trafficPolicy)) {
      const other = earlier.find((dr) => record(spec(dr.resource.value).trafficPolicy));
      if (other) findings.push(findingAt(ctx, 'MM432', ['spec', 'trafficPolicy'], `${label(other)} also sets a top-level trafficPolicy for \`${host}\`. Istio uses only the one applied first and ignores the other. Merge the two policies into one DestinationRule.`));
    }
    return findings;
  },
};
