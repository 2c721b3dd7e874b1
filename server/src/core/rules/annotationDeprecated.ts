// IST0135 on a deprecated Istio annotation (e.g. the `sidecar.istio.io/inject` annotation,
// replaced by the label of the same name; not reported when the label is also set).
import { annotationProblems } from './annotationRules';
import { hasAnnotatedObjects } from './annotatedObjects';
import { findingAt, type IstioRule } from './istioRule';

export const annotationDeprecated: IstioRule = {
  code: 'IST0135',
  defaultSeverity: 'info',
  analyzers: ['annotations.K8sAnalyzer'],
  appliesTo: hasAnnotatedObjects,
  check(ctx) {
    return annotationProblems(ctx.resource)
      .filter((p) => p.code === 'IST0135')
      .map((p) => findingAt(ctx, 'IST0135', p.path, `\`${p.key}\` is deprecated${p.detail ? `; ${p.detail}` : ''}. It may stop working in a later Istio release.`));
  },
};
