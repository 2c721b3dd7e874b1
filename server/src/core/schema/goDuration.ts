// Istio and Kubernetes parse durations with Go's time.ParseDuration (CEL `duration()` does
// too), so `1m30s`, `1.5h`, `100ms` and a bare `0` are valid while `10`, `10 s` and `1d` are not.

const UNIT_NANOS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const WHOLE = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** Nanoseconds, or undefined when `text` is not a Go duration. */
export function parseGoDuration(text: string): number | undefined {
  if (/^[-+]?0$/.test(text)) return 0;
  if (!WHOLE.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(PART)) total += Number(m[1]) * (UNIT_NANOS[m[2]] ?? 0);
  return text.startsWith('-') ? -total : total;
}

export function isGoDuration(text: string): boolean {
  return parseGoDuration(text) !== undefined;
}

const UNIT_WORDS: readonly [RegExp, string][] = [
  [/^(?:milliseconds?|millis|msecs?)$/, 'ms'],
  [/^(?:microseconds?|usecs?)$/, 'us'],
  [/^(?:nanoseconds?|nsecs?)$/, 'ns'],
  [/^(?:seconds?|secs?|sec)$/, 's'],
  [/^(?:minutes?|mins?)$/, 'm'],
  [/^(?:hours?|hrs?)$/, 'h'],
];

/**
 * A likely intended duration for a near miss (`10` → `10s`, `10 sec` → `10s`, `2 Minutes` → `2m`),
 * for quick fixes; undefined when there is no obvious one.
 */
export function suggestGoDuration(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return `${value}s`;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return `${text}s`;
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Zµμ]+)$/.exec(text);
  if (!m) return undefined;
  const unit = m[2].toLowerCase();
  const mapped = UNIT_WORDS.find(([re]) => re.test(unit))?.[1] ?? unit;
  const candidate = `${m[1]}${mapped}`;
  return candidate !== value && isGoDuration(candidate) ? candidate : undefined;
}
