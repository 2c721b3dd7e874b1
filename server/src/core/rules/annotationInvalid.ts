// IST0125 on an Istio annotation whose value the sidecar injector rejects (ports, CIDR
// ranges, numbers, interception modes, ProxyConfig).
import { annotationProblems } from './annotationRules';
import { hasAnnotatedObjects } from './annotatedObjects';
import { findingAt, type IstioRule } from './istioRule';

export const annotationInvalid: IstioRule = {
  code: 'IST0125',
  defaultSeverity: 'warning',
  analyzers: ['annotations.K8sAnalyzer'],
  appliesTo: hasAnnotatedObjects,
  check(ctx) {
    return annotationProblems(ctx.resource)
      .filter((p) => p.code === 'IST0125')
      .map((p) => findingAt(ctx, 'IST0125', p.path, `Invalid value for \`${p.key}\`: ${p.detail}.`));
  },
};
