// Which VirtualService rules and matches can never take effect, in the order Envoy tries
// them (istio/istio pkg/config/validation: analyzeUnreachable*Rules): a rule after a
// rule without `match`, a match identical to an earlier one (names aside), and an HTTP
// URI prefix match already covered by an earlier, shorter prefix with the same other
// conditions. Results are per VirtualService and cached by its value.
import type { JsonPath } from '../parse/locator';
import { list, record, spec, text, type Plain } from './plainValue';

export interface Unreachable {
  readonly kind: 'unreachable';
  readonly path: JsonPath;
  readonly rule: string;
  readonly reason: string;
}

export interface Ineffective {
  readonly kind: 'ineffective';
  readonly path: JsonPath;
  readonly rule: string;
  readonly match: string;
  readonly coveredBy: string;
}

export type MatchProblem = Unreachable | Ineffective;

/** JSON with sorted keys and zero values dropped (proto `omitempty`), to compare matches. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  const r = record(value);
  if (!r) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(r).sort()) {
    const v = r[key];
    if (v === null || v === undefined || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = canonical(v);
  }
  return out;
}

function matchKey(match: unknown, dropName: boolean): string {
  const r = record(match);
  if (dropName && r && 'name' in r) {
    const { name: _name, ...rest } = r;
    return JSON.stringify(canonical(rest));
  }
  return JSON.stringify(canonical(match ?? null));
}

function ruleName(section: string, rule: Plain, n: number): string {
  const name = section === 'http' ? text(rule.name) : '';
  return name ? `"${name}"` : `#${n}`;
}

function matchName(section: string, match: Plain | undefined, n: number): string {
  const name = section === 'http' ? text(match?.name) : '';
  return name ? `"${name}"` : `#${n}`;
}

const EXACT = 'exact:';
const PREFIX = 'prefix:';

function exactOrPrefix(m: unknown): string {
  const r = record(m);
  if (text(r?.exact)) return EXACT + text(r?.exact);
  if (text(r?.prefix)) return PREFIX + text(r?.prefix);
  return '';
}

function stringMatchMap(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(record(value) ?? {})) out.set(k, exactOrPrefix(v));
  return out;
}

interface PrefixMatch {
  readonly path: JsonPath;
  readonly rule: string;
  readonly match: string;
  readonly prefix: string;
  readonly port: string;
  readonly method: string;
  readonly authority: string;
  readonly headers: Map<string, string>;
  readonly queryParams: Map<string, string>;
  readonly withoutHeaders: Map<string, string>;
}

function prefixMatch(path: JsonPath, rule: string, matchLabel: string, m: Plain): PrefixMatch | undefined {
  const prefix = text(record(m.uri)?.prefix);
  if (!prefix) return undefined;
  return {
    path, rule, match: matchLabel, prefix,
    port: text(m.port),
    method: exactOrPrefix(m.method) || `${EXACT}GET`,
    authority: exactOrPrefix(m.authority),
    headers: stringMatchMap(m.headers),
    queryParams: stringMatchMap(m.queryParams),
    withoutHeaders: stringMatchMap(m.withoutHeaders),
  };
}

function sameOrNarrower(a: string, b: string): boolean {
  return a === b || a.startsWith(b);
}

function mapsCovered(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const other = b.get(k);
    if (other === undefined || !sameOrNarrower(v, other)) return false;
  }
  return true;
}

/** Whether earlier match `a` already takes every request later match `b` would. */
function covers(a: PrefixMatch, b: PrefixMatch): boolean {
  return b.prefix.startsWith(a.prefix) && a.port === b.port && sameOrNarrower(a.method, b.method) && sameOrNarrower(a.authority, b.authority)
    && mapsCovered(a.headers, b.headers) && mapsCovered(a.queryParams, b.queryParams) && mapsCovered(a.withoutHeaders, b.withoutHeaders);
}

function analyzeSection(section: 'http' | 'tcp' | 'tls', rules: readonly unknown[], out: MatchProblem[]): void {
  const seen = new Map<string, number>();
  let catchAll = -1;
  const prefixes: PrefixMatch[] = [];
  rules.forEach((raw, n) => {
    const rule = record(raw);
    if (!rule) return;
    const label = ruleName(section, rule, n);
    const rulePath: JsonPath = ['spec', section, n];
    const matches = list(rule.match);
    if (matches.length === 0) {
      if (catchAll >= 0) out.push({ kind: 'unreachable', path: rulePath, rule: label, reason: 'only the last rule can have no matches' });
      catchAll = n;
      return;
    }
    let duplicates = 0;
    matches.forEach((match, m) => {
      const matchPath: JsonPath = [...rulePath, 'match', m];
      if (catchAll >= 0) {
        out.push({ kind: 'unreachable', path: matchPath, rule: label, reason: 'route without matches defined before' });
        return;
      }
      const key = matchKey(match, section === 'http');
      const earlier = seen.get(key);
      const mLabel = matchName(section, record(match), m);
      if (earlier !== undefined) {
        out.push({ kind: 'ineffective', path: matchPath, rule: label, match: mLabel, coveredBy: `the same match in rule ${ruleName(section, record(rules[earlier]) ?? {}, earlier)}` });
        duplicates++;
        return;
      }
      seen.set(key, n);
      if (section === 'http') {
        const p = prefixMatch(matchPath, label, mLabel, record(match) ?? {});
        if (p) prefixes.push(p);
      }
    });
    if (duplicates === matches.length) out.push({ kind: 'unreachable', path: rulePath, rule: label, reason: 'all matches used by prior rules' });
  });
  for (let i = 0; i < prefixes.length; i++) {
    for (let j = i + 1; j < prefixes.length; j++) {
      const a = prefixes[i];
      const b = prefixes[j];
      if (a.prefix === b.prefix || !covers(a, b)) continue;
      out.push({ kind: 'ineffective', path: b.path, rule: b.rule, match: `${b.match} of prefix ${b.prefix}`, coveredBy: `match ${a.match} of prefix ${a.prefix} in rule ${a.rule}` });
    }
  }
}

const cache = new WeakMap<object, MatchProblem[]>();

export function matchProblems(vs: Plain): MatchProblem[] {
  const hit = cache.get(vs);
  if (hit) return hit;
  const s = spec(vs);
  const out: MatchProblem[] = [];
  analyzeSection('http', list(s.http), out);
  analyzeSection('tcp', list(s.tcp), out);
  analyzeSection('tls', list(s.tls), out);
  cache.set(vs, out);
  return out;
}
