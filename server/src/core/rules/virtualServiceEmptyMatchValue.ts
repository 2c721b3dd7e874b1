// MM412 on a VirtualService HTTP match condition without a usable value. Istio's
// translation (pilot/pkg/networking/core/route TranslateRouteMatch, translateHeaderMatch)
// turns a string match with no value into a presence test, and `uri` defaults to the `/`
// prefix, so:
// - `uri`, `method`, `authority` or `scheme` given as `{}`, `uri.prefix` empty: the
//   condition is always true and does nothing;
// - `exact: ""` on `uri`, `method`, `authority`, `scheme` or a header: only an empty
//   value matches, which never (or almost never) happens — for "header present" use `{}`;
// - an empty `prefix` on a header, `method`, `authority` or `scheme`, or an empty `regex`
//   anywhere: Istio's webhook rejects it (pkg/config/validation validateStringMatch),
//   reported as an error;
// - `exact:`/`prefix:`/`regex:` with nothing after the colon: the API server prunes the
//   null, leaving `{}` (a presence test on a header, no effect on `uri` and the like).
// A header, query parameter or `withoutHeaders` entry written `{}` is Istio's documented
// presence test and stays silent.
import type { Finding, Severity } from '../finding';
import type { JsonPath } from '../parse/locator';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { list, record, spec, text } from './plainValue';
import type { Rule, RuleContext } from './rule';

const PSEUDO = ['uri', 'method', 'authority', 'scheme'] as const;
const MAPS = ['headers', 'withoutHeaders', 'queryParams'] as const;

function emptyValue(v: unknown): boolean {
  return v == null || text(v) === '';
}

function report(ctx: RuleContext, path: JsonPath, message: string, severity?: Severity): Finding {
  const f = findingAt(ctx, 'MM412', path, message);
  return severity ? { ...f, severity } : f;
}

function checkStringMatch(ctx: RuleContext, path: JsonPath, field: string, value: unknown, isMapEntry: boolean, mapKey: string, out: Finding[]): void {
  const m = record(value);
  const what = isMapEntry ? `\`${mapKey}\` in \`${field}\`` : `\`${field}\``;
  if (!m) return;
  if (Object.keys(m).length === 0) {
    if (!isMapEntry) out.push(report(ctx, path, `${what} has no \`exact\`, \`prefix\` or \`regex\`, so it matches every request and does nothing. Give it a value, or remove it.`));
    return;
  }
  const bare = ['exact', 'prefix', 'regex'].find((k) => k in m && m[k] === null);
  if (bare) {
    // the API server prunes a null field, so what reaches Istio is `{}`
    out.push(report(ctx, [...path, bare], isMapEntry
      ? `\`${bare}:\` has no value; Kubernetes drops it, so the condition only tests that \`${mapKey}\` is present. Write the value, or \`{}\` if presence is what you mean.`
      : `\`${bare}:\` has no value; Kubernetes drops it, so ${what} matches every request and does nothing. Write the value, or remove the condition.`));
    return;
  }
  if ('regex' in m && emptyValue(m.regex)) {
    out.push(report(ctx, [...path, 'regex'], `An empty \`regex\` for ${what}: Istio rejects the VirtualService. Write the pattern, or remove the condition.`, 'error'));
    return;
  }
  if ('prefix' in m && emptyValue(m.prefix)) {
    if (field === 'uri') out.push(report(ctx, [...path, 'prefix'], 'An empty `uri.prefix` matches every path, so the condition does nothing. Write the prefix (e.g. `/api`), or remove `uri`.'));
    else if (field !== 'queryParams') out.push(report(ctx, [...path, 'prefix'], `An empty \`prefix\` for ${what}: Istio rejects the VirtualService. Use \`{}\` to test that the header is present, or write the prefix.`, 'error'));
    return;
  }
  if ('exact' in m && emptyValue(m.exact) && field !== 'queryParams' && field !== 'withoutHeaders') {
    const hint = isMapEntry ? ' To match "header present, any value", write `{}` instead.' : '';
    out.push(report(ctx, [...path, 'exact'], `\`exact: ""\` for ${what} matches only an empty value, which ${isMapEntry ? 'requests rarely carry' : 'no request has'}.${hint || ' Write the value, or remove the condition.'}`));
  }
}

export const virtualServiceEmptyMatchValue: Rule = {
  code: 'MM412',
  defaultSeverity: 'warning',
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings: Finding[] = [];
    list(spec(ctx.resource.resource.value).http).forEach((rule, i) => {
      list(record(rule)?.match).forEach((match, j) => {
        const m = record(match);
        if (!m) return;
        const base: JsonPath = ['spec', 'http', i, 'match', j];
        for (const field of PSEUDO) if (field in m) checkStringMatch(ctx, [...base, field], field, m[field], false, '', findings);
        for (const field of MAPS) {
          for (const [key, value] of Object.entries(record(m[field]) ?? {})) checkStringMatch(ctx, [...base, field, key], field, value, true, key, findings);
        }
      });
    });
    return findings;
  },
};
