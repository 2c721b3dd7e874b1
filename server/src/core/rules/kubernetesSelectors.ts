// Where the Kubernetes kinds keep label selectors the API server validates: a Service's
// `spec.selector` (a plain map), and the LabelSelector (`matchLabels` + `matchExpressions`)
// of workload controllers, NetworkPolicy peers and PodDisruptionBudgets. CRDs' selectors
// (Linkerd Server `podSelector`, …) are left to their schemas.
import type { JsonPath } from '../parse/locator';
import type { IndexedResource } from '../workspace/workspaceIndex';
import { at, list, record } from './plainValue';

export interface SelectorSite {
  readonly path: JsonPath;
  /** `map` for a Service selector; `labelSelector` for matchLabels/matchExpressions. */
  readonly shape: 'map' | 'labelSelector';
}

const CONTROLLERS = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', 'batch/Job']);

export function selectorSites(entry: IndexedResource): SelectorSite[] {
  const key = `${entry.group}/${entry.resource.kind}`;
  const value = entry.resource.value;
  const present = (path: JsonPath) => record(at(value, ...path)) !== undefined;
  const sites: SelectorSite[] = [];
  if (key === '/Service') sites.push({ path: ['spec', 'selector'], shape: 'map' });
  else if (CONTROLLERS.has(key) || key === 'policy/PodDisruptionBudget') sites.push({ path: ['spec', 'selector'], shape: 'labelSelector' });
  else if (key === 'networking.k8s.io/NetworkPolicy') {
    sites.push({ path: ['spec', 'podSelector'], shape: 'labelSelector' });
    for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
      list(at(value, 'spec', direction)).forEach((_, i) => {
        list(at(value, 'spec', direction, i, peers)).forEach((__, j) => {
          for (const s of ['podSelector', 'namespaceSelector']) sites.push({ path: ['spec', direction, i, peers, j, s], shape: 'labelSelector' });
        });
      });
    }
  }
  return sites.filter((s) => present(s.path));
}

export function hasSelectorSites(entry: IndexedResource): boolean {
  const key = `${entry.group}/${entry.resource.kind}`;
  return key === '/Service' || CONTROLLERS.has(key) || key === 'policy/PodDisruptionBudget' || key === 'networking.k8s.io/NetworkPolicy';
}
