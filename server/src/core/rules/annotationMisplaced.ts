// IST0107 on an Istio annotation on a kind it does not apply to (e.g. a Pod annotation on a
// Deployment's own metadata instead of its pod template): Istio ignores it there.
import { annotationProblems } from './annotationRules';
import { hasAnnotatedObjects } from './annotatedObjects';
import { findingAt, type IstioRule } from './istioRule';

export const annotationMisplaced: IstioRule = {
  code: 'IST0107',
  defaultSeverity: 'warning',
  analyzers: ['annotations.K8sAnalyzer'],
  appliesTo: hasAnnotatedObjects,
  check(ctx) {
    return annotationProblems(ctx.resource)
      .filter((p) => p.code === 'IST0107')
      .map((p) => findingAt(ctx, 'IST0107', p.path, `\`${p.key}\` has no effect on a ${p.kind}; it belongs on: ${p.detail}.${p.detail.includes('Pod') ? ' For workloads, put it under `spec.template.metadata.annotations`.' : ''}`));
  },
};
