// Where a resource is visible, from its `exportTo` list (or a Service's
// `networking.istio.io/exportTo` annotation): `*` (or nothing) means every namespace and
// `.` the resource's own namespace. Returned as scopes: '*' or namespace names.
export const ALL_NAMESPACES = '*';

export function exportScopes(exportTo: readonly string[], ownNamespace: string): string[] {
  if (exportTo.length === 0 || exportTo.includes(ALL_NAMESPACES)) return [ALL_NAMESPACES];
  return [...new Set(exportTo.map((e) => (e === '.' ? ownNamespace : e)))];
}

export function exportAnnotationScopes(annotation: string | undefined, ownNamespace: string): string[] {
  if (!annotation) return [ALL_NAMESPACES];
  return annotation.split(',').map((e) => (e === '.' ? ownNamespace : e));
}
