// How resources are named across the workspace: API group from apiVersion, and the
// namespace Kubernetes would give them (metadata.namespace, else the default namespace).
import type { Resource } from '../parse/extractResources';

export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

export function resolvedNamespace(resource: Resource, defaultNamespace: string): string {
  // Namespaces themselves (and other cluster-scoped kinds) have none; using '' keeps keys simple.
  if (resource.kind === 'Namespace') return '';
  return resource.namespace ?? defaultNamespace;
}
