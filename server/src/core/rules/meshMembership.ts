// Whether a workload runs with an Istio sidecar or in ambient mode, decided as istioctl
// does from the manifests: an `istio-proxy` container with an image, else the
// `sidecar.istio.io/inject` label or annotation, else the namespace's `istio-injection`
// label; ambient from the `ambient.istio.io/redirection` annotation (set on running Pods)
// or, for pod templates, the namespace's `istio.io/dataplane-mode: ambient` label.
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { metadata, stringMap } from './plainValue';
import type { Workload } from './workloads';

export function namespaceLabels(index: WorkspaceIndex, namespace: string): Record<string, string> | undefined {
  const ns = index.lookup('Namespace', '', '', namespace);
  return ns ? stringMap(metadata(ns.resource.value).labels) : undefined;
}

export function namespaceLabelsOf(entry: IndexedResource): Record<string, string> {
  return stringMap(metadata(entry.resource.value).labels);
}

export function isAmbientNamespaceLabels(labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!labels) return false;
  if (labels['istio-injection'] === 'enabled') return false;
  if (labels['istio.io/rev']) return false;
  return labels['istio.io/dataplane-mode'] === 'ambient';
}

export function hasSidecar(index: WorkspaceIndex, w: Workload): boolean {
  if (w.hasIstioProxy) return true;
  if ('sidecar.istio.io/inject' in w.labels) return w.labels['sidecar.istio.io/inject'] === 'true';
  if ('sidecar.istio.io/inject' in w.annotations) return w.annotations['sidecar.istio.io/inject'] === 'true';
  const labels = namespaceLabels(index, w.namespace);
  return labels ? labels['istio-injection'] === 'enabled' : false;
}

export function isAmbient(index: WorkspaceIndex, w: Workload): boolean {
  if (w.annotations['ambient.istio.io/redirection'] === 'enabled') return true;
  if (w.isPod || hasSidecar(index, w) || w.labels['istio.io/dataplane-mode'] === 'none') return false;
  return w.labels['istio.io/dataplane-mode'] === 'ambient' || isAmbientNamespaceLabels(namespaceLabels(index, w.namespace));
}

export function inMesh(index: WorkspaceIndex, w: Workload): boolean {
  return hasSidecar(index, w) || isAmbient(index, w);
}
