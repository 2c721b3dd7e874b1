// Small text pieces the reference previews share: labels as `k=v`, short lists with a count
// of what was left out, and safe reads of plain YAML values.
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function code(text: string): string {
  // a backtick inside would end the span early
  return `\`${text.replace(/`/g, "'")}\``;
}

export function labelsText(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const pairs = Object.entries(value).map(([k, v]) => code(`${k}=${String(v)}`));
  return pairs.length > 0 ? pairs.join(', ') : undefined;
}

/** At most `max` items, then "and N more". */
export function shortList(items: readonly string[], max = 4): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function specOf(value: Record<string, unknown>): Record<string, unknown> {
  return isRecord(value.spec) ? value.spec : {};
}
