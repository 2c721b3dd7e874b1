// MM411 on a VirtualService rule that comes after a rule whose `match` takes every
// request anyway: a match with no conditions (`- {}`), or only a URI that every path
// satisfies (`prefix: /`, `regex: .*`; an empty prefix is MM412's). Envoy uses the first
// rule that matches, so the later rules are dead. istioctl's IST0130 (VirtualServiceUnreachableRule,
// pkg/config/validation analyzeUnreachableHTTPRules) only treats a rule without `match` as
// a catch-all; this rule adds the matches above and stays silent on any rule IST0130 or
// IST0131 already report, so one mistake gets one finding.
import type { Finding } from '../finding';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { list, record, spec, text, type Plain } from './plainValue';
import type { Rule } from './rule';
import { matchProblems } from './virtualServiceMatchAnalysis';

const ALL_PATHS_REGEX = new Set(['.*', '.+', '/.*', '^.*', '^.*$', '^/.*', '^/.*$', '/.*$']);

/** Why this match takes every request, or undefined. */
export function catchAllMatch(section: string, match: unknown): string | undefined {
  const m = record(match);
  if (!m) return undefined;
  const keys = Object.keys(m).filter((k) => m[k] != null && k !== 'name' && k !== 'ignoreUriCase');
  if (keys.length === 0) return 'a match without conditions';
  if (section !== 'http' || keys.length !== 1 || keys[0] !== 'uri') return undefined;
  const uri: Plain = record(m.uri) ?? {};
  // an empty prefix or `uri: {}` also takes everything, but MM412 reports that at its source
  if (text(uri.prefix) === '/') return '`uri.prefix: /`, which every path has';
  if (typeof uri.regex === 'string' && ALL_PATHS_REGEX.has(uri.regex)) return `\`uri.regex: ${uri.regex}\`, which every path matches`;
  return undefined;
}

export const virtualServiceAfterCatchAllMatch: Rule = {
  code: 'MM411',
  defaultSeverity: 'warning',
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const value = ctx.resource.resource.value;
    const flagged = matchProblems(value).map((p) => JSON.stringify(p.path.slice(0, 3)));
    const findings: Finding[] = [];
    for (const section of ['http', 'tcp', 'tls'] as const) {
      const rules = list(spec(value)[section]);
      let catchAll: { label: string; why: string } | undefined;
      for (let n = 0; n < rules.length; n++) {
        const rule = record(rules[n]);
        if (!rule) continue;
        const matches = list(rule.match);
        if (!catchAll) {
          // a rule without match is IST0130's catch-all: everything after it is reported there
          if (matches.length === 0) break;
          for (const m of matches) {
            const why = catchAllMatch(section, m);
            if (why) {
              catchAll = { label: section === 'http' && text(rule.name) ? `"${text(rule.name)}"` : `#${n}`, why };
              break;
            }
          }
          continue;
        }
        if (flagged.includes(JSON.stringify(['spec', section, n]))) continue;
        findings.push(findingAt(ctx, 'MM411', ['spec', section, n], `This rule is never used: rule ${catchAll.label} before it matches every request (${catchAll.why}), and the first matching rule wins. Move the catch-all rule to the end, or narrow its match.`));
      }
    }
    return findings;
  },
};
