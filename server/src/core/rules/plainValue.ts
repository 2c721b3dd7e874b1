// Reading fields of a resource's plain value (the YAML as JavaScript values) without
// trusting its shape: schema errors are reported elsewhere, and a rule must neither throw
// nor report on a value of the wrong type.
export type Plain = Record<string, unknown>;

export function record(value: unknown): Plain | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Plain) : undefined;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export function strings(value: unknown): string[] {
  return list(value).filter((v): v is string => typeof v === 'string');
}

/** A map of string values (labels, annotations, selectors); other values are kept as text. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const r = record(value);
  if (r) for (const [k, v] of Object.entries(r)) out[k] = text(v);
  return out;
}

/** `value.a.b.c`, or undefined where any step is missing. */
export function at(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current: unknown = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      const r = record(current);
      if (!r) return undefined;
      current = r[segment];
    }
  }
  return current;
}

export function spec(value: Plain): Plain {
  return record(value.spec) ?? {};
}

export function metadata(value: Plain): Plain {
  return record(value.metadata) ?? {};
}
