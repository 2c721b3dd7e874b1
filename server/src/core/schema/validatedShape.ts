// The schema a validator is compiled from, given a kind's schema file. Callers look schemas up
// by apiVersion, so the schema's own `apiVersion` constant checks nothing; without it, versions
// with the same fields (Istio's v1, v1beta1 and v1alpha3) share one validator, which saves
// most of the compile time on a first validation (and most of dist/validators).
export function validatedShape(schema: object): object {
  const root = schema as { properties?: Record<string, unknown> };
  const apiVersion = root.properties?.apiVersion;
  if (!apiVersion || typeof apiVersion !== 'object' || !('const' in apiVersion)) return schema;
  const { const: _ignored, ...rest } = apiVersion as Record<string, unknown>;
  return { ...schema, properties: { ...root.properties, apiVersion: rest } };
}
