// What the user sees: a warning on a field inside the `proxy.istio.io/config` annotation
// that ProxyConfig does not have (`concurency`, `holdApplicationUntilProxyStart`,
// `proxyStatsMatcher.inclusionPrefix`), at the exact place inside the annotation's text,
// with "did you mean" and a quick fix. Istio decodes the annotation with jsonpb, retrying
// with unknown fields allowed, so a misspelt field is silently dropped. Field list:
// proxyConfigAnnotation.ts (istio/api mesh/v1alpha1/proxy.proto).
import { hasProxyConfigAnnotation, proxyConfigProblems } from './proxyConfigAnnotation';
import type { Rule } from './rule';

export const proxyConfigUnknownField: Rule = {
  code: 'MM314',
  defaultSeverity: 'warning',
  appliesTo: hasProxyConfigAnnotation,
  check(ctx) {
    return proxyConfigProblems(ctx)
      .filter((p) => p.code === 'MM314')
      .map((p) => ({ code: 'MM314', message: p.message, ...p.span, ...(p.suggestion ? { data: { replaceKey: p.suggestion, replaceWith: p.suggestion } } : {}) }));
  },
};
