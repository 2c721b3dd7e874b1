// How a Namespace's labels ask for an Istio data plane (istio/istio injection.Analyzer):
// `istio-injection: enabled`, an `istio.io/rev` revision, or `istio.io/dataplane-mode:
// ambient`; and whether the sidecar injector is set to inject every namespace by default
// (`sidecarInjectorWebhook.enableNamespacesByDefault` in the values of the
// `istio-sidecar-injector` ConfigMap, when the workspace holds it).
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { at, metadata, record, stringMap } from './plainValue';

/** Namespaces istioctl leaves alone: Kubernetes' own and Istio's. */
export const IGNORED_NAMESPACES = new Set(['istio-system', 'kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

export interface NamespaceDataPlane {
  readonly labels: Readonly<Record<string, string>>;
  /** The labels that each turn on a data plane. */
  readonly enabling: readonly string[];
  readonly hasAnyInjectionLabel: boolean;
}

export function namespaceDataPlane(ns: IndexedResource): NamespaceDataPlane {
  const labels = stringMap(metadata(ns.resource.value).labels);
  const enabling: string[] = [];
  if (labels['istio-injection'] === 'enabled') enabling.push('istio-injection');
  if ('istio.io/rev' in labels) enabling.push('istio.io/rev');
  if (labels['istio.io/dataplane-mode'] === 'ambient') enabling.push('istio.io/dataplane-mode');
  return { labels, enabling, hasAnyInjectionLabel: 'istio-injection' in labels || 'istio.io/rev' in labels || labels['istio.io/dataplane-mode'] === 'ambient' };
}

export function injectsNamespacesByDefault(index: WorkspaceIndex): boolean {
  return derivedData(index, 'injectsNamespacesByDefault', (ix) => {
    for (const cm of ix.ofKind('ConfigMap', '')) {
      if (cm.resource.name !== 'istio-sidecar-injector') continue;
      const values = at(cm.resource.value, 'data', 'values');
      if (typeof values !== 'string') continue;
      try {
        return at(record(JSON.parse(values)), 'sidecarInjectorWebhook', 'enableNamespacesByDefault') === true;
      } catch {
        return false;
      }
    }
    return false;
  });
}
