// How messages name types and quote values.

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  object: 'an object (key: value pairs)',
  array: 'a list',
};

/** "an integer", "an integer or a string"; `null` is left out (a null field is pruned anyway). */
export function expectedTypes(types: unknown): string {
  const list = (Array.isArray(types) ? types : [types]).filter((t): t is string => typeof t === 'string' && t !== 'null');
  return list.map((t) => EXPECTED[t] ?? t).join(' or ');
}

/** What the value is, for "…, not a string". */
export function actualType(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'number':
      return Number.isInteger(value) ? 'a number' : 'a decimal number';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** A short quotation of a scalar for messages: `strict`, `""`, 70000. */
export function quote(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return value === '' ? '`""`' : `\`${short}\``;
  }
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
  return String(value);
}

export function listValues(values: readonly unknown[]): string {
  return values.filter((v) => v !== null).map((v) => String(v)).join(', ');
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
