// Kubernetes resource quantities (apimachinery's resource.ParseQuantity): a signed decimal
// number, then a binary suffix (Ki … Ei), a decimal one (n, u, m, k, M … E) or an integer
// exponent (e3, E-2). So `100m`, `128Mi`, `1.5Gi`, `1e3` and `0.5` are quantities;
// `100mm`, `128MB`, `1 Gi` and `1K` are not.
const QUANTITY = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/;

export function isQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

/**
 * A likely intended quantity for a near miss: `128MB`/`128mb`/`128MiB` → `128Mi`, `1 Gi` → `1Gi`,
 * `2K` → `2k`; undefined when there is no obvious one.
 */
export function suggestQuantity(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*([A-Za-z]*)\s*$/.exec(value);
  if (!m) return undefined;
  const [, number, unit] = m;
  let fixed: string | undefined;
  if (/^[kmgtpe]i?b$/i.test(unit)) fixed = `${unit[0].toUpperCase()}i`;
  else if (/^[kmgtpe]i$/i.test(unit)) fixed = `${unit[0].toUpperCase()}i`;
  else if (unit === 'K') fixed = 'k';
  else fixed = unit;
  const candidate = `${number}${fixed}`;
  return candidate !== value && isQuantity(candidate) ? candidate : undefined;
}
