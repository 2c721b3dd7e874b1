// What the user sees: a warning on a value inside the `proxy.istio.io/config` annotation
// whose type ProxyConfig does not accept (`concurrency: two`, `terminationDrainDuration: 30`
// without a unit, `holdApplicationUntilProxyStarts: "true"` in quotes, a `proxyMetadata`
// value YAML reads as a boolean), at the exact place inside the annotation's text. Such a
// value fails Istio's jsonpb decode, the injector errors, and with the default webhook
// failure policy the pod is not created. Same severity as IST0125, which istioctl uses
// for annotation values it cannot parse.
import { hasProxyConfigAnnotation, proxyConfigProblems } from './proxyConfigAnnotation';
import type { Rule } from './rule';

export const proxyConfigFieldValue: Rule = {
  code: 'MM315',
  defaultSeverity: 'warning',
  appliesTo: hasProxyConfigAnnotation,
  check(ctx) {
    return proxyConfigProblems(ctx)
      .filter((p) => p.code === 'MM315')
      .map((p) => ({ code: 'MM315', message: p.message, ...p.span }));
  },
};
