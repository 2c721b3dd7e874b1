// MM403 on an AuthorizationPolicy `paths`/`notPaths` entry with `*` somewhere other than
// its start or end. Istio turns a path into an exact, prefix (`/api/*`) or suffix
// (`*.png`) match (pilot/pkg/security/authz/matcher StringMatcher); any other `*` is a
// literal character, so `/api/*/orders` matches only that exact text. Path templates
// (`{*}` one segment, `{**}` the rest, pkg/config/security) express what was meant; when
// every inner `*` is a whole segment the rewritten path is in `data.replaceWith`.
import type { Finding } from '../finding';
import { operations, stringItems } from './authorizationPolicyFields';
import { literalStar } from './authorizationWildcard';
import { findingAt, ofKind, SECURITY } from './istioRule';
import type { Rule } from './rule';

const TEMPLATE = /\{\*\*?\}/;

/** The same path as a template, or undefined when some `*` is not a whole segment. */
export function templatePath(path: string): string | undefined {
  if (path.startsWith('*')) return undefined; // a suffix match has no template form
  const segments = path.split('/');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const last = i === segments.length - 1;
    if (!s.includes('*')) out.push(s);
    else if (s === '*' && !last) out.push('{*}');
    else if (s === '**' && !last) return undefined; // `{**}` may only end a template
    else if ((s === '*' || s === '**') && last) out.push('{**}');
    else return undefined;
  }
  return out.join('/');
}

export const authorizationPolicyPathWildcard: Rule = {
  code: 'MM403',
  defaultSeverity: 'warning',
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx) {
    const findings: Finding[] = [];
    for (const op of operations(ctx.resource.resource.value)) {
      for (const key of ['paths', 'notPaths']) {
        for (const item of stringItems(op, key)) {
          const path = item.value;
          if (TEMPLATE.test(path)) continue; // templates are checked by Istio's own rules
          if (!literalStar(path)) continue;
          const template = templatePath(path);
          const fix = template
            ? `Write \`${template}\` (\`{*}\` matches one segment, \`{**}\` the rest).`
            : 'Use a path template instead: `{*}` matches one whole segment, `{**}` any number of trailing segments.';
          const finding = findingAt(ctx, 'MM403', item.path, `Istio treats this \`*\` as a literal character (only one leading or trailing \`*\` is a wildcard), so \`${path}\` matches almost no request. ${fix}`, 'value');
          findings.push(template ? { ...finding, data: { replaceWith: template } } : finding);
        }
      }
    }
    return findings;
  },
};
