// Kubernetes resource quantities (`100m`, `0.5`, `128Mi`, `1G`, `1e3`) parsed exactly.
// The API server stores a quantity as a decimal with a scale and rounds CPU up to whole
// millicores; we keep the same exactness by parsing into a rational (BigInt numerator and
// denominator) instead of a float, so `0.1` CPU is exactly 100m and `1.5Gi` exactly
// 1610612736 bytes.

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL_SUFFIX: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

// Same grammar as k8s.io/apimachinery resource.Quantity: a signed decimal number, then a
// binary suffix, a decimal suffix, or a decimal exponent.
const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d{1,3})?$/;

/** The exact value of a quantity, or undefined when it is not one (or is negative). */
export function parseQuantity(input: unknown): Rational | undefined {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) return undefined;
    text = String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return undefined;
  }
  if (text.length === 0 || text.length > 64) return undefined;
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, sign, mantissa, suffix = ''] = match;
  const [whole, fraction = ''] = mantissa.split('.');
  let num = BigInt((whole || '0') + fraction);
  let den = 10n ** BigInt(fraction.length);
  if (sign === '-' && num !== 0n) return undefined;
  let exp10 = 0;
  if (suffix in BINARY_SUFFIX) num *= 2n ** BigInt(BINARY_SUFFIX[suffix]);
  else if (suffix in DECIMAL_SUFFIX) exp10 = DECIMAL_SUFFIX[suffix];
  else exp10 = Number(suffix.slice(1));
  if (exp10 >= 0) num *= 10n ** BigInt(exp10);
  else den *= 10n ** BigInt(-exp10);
  return { num, den };
}

function ceilDiv(num: bigint, den: bigint): bigint {
  return (num + den - 1n) / den;
}

// Past this a number is meaningless for a proxy and would lose precision as a JS number.
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** CPU in whole millicores, rounded up as the API server does; undefined when not a quantity. */
export function parseCpuMillicores(input: unknown): number | undefined {
  const q = parseQuantity(input);
  if (!q) return undefined;
  const m = ceilDiv(q.num * 1000n, q.den);
  return m > MAX_SAFE ? undefined : Number(m);
}

/** Memory in whole bytes, rounded up; undefined when not a quantity. */
export function parseMemoryBytes(input: unknown): number | undefined {
  const q = parseQuantity(input);
  if (!q) return undefined;
  const b = ceilDiv(q.num, q.den);
  return b > MAX_SAFE ? undefined : Number(b);
}

export const MIB = 1024 * 1024;
export const GIB = 1024 * MIB;

/** `25m`, or whole cores as `2` when exact. */
export function formatCpu(millicores: number): string {
  return millicores % 1000 === 0 && millicores > 0 ? String(millicores / 1000) : `${millicores}m`;
}

/** `64Mi`, `1Gi`, or `1.5Mi` style for values that are not whole MiB. */
export function formatMemory(bytes: number): string {
  if (bytes > 0 && bytes % GIB === 0) return `${bytes / GIB}Gi`;
  if (bytes % MIB === 0) return `${bytes / MIB}Mi`;
  if (bytes % 1024 === 0) return `${bytes / 1024}Ki`;
  return String(bytes);
}
