// IST0108 on an annotation in an Istio prefix (`…istio.io/`) that Istio does not define:
// usually a typo, and Istio ignores it. Checked on Namespaces, Services, Pods,
// Deployments and the pod templates of workload controllers.
import { annotationProblems } from './annotationRules';
import { hasAnnotatedObjects } from './annotatedObjects';
import { findingAt, type IstioRule } from './istioRule';

export const annotationUnknown: IstioRule = {
  code: 'IST0108',
  defaultSeverity: 'warning',
  analyzers: ['annotations.K8sAnalyzer'],
  appliesTo: hasAnnotatedObjects,
  check(ctx) {
    return annotationProblems(ctx.resource)
      .filter((p) => p.code === 'IST0108')
      .map((p) => findingAt(ctx, 'IST0108', p.path, `Istio has no annotation \`${p.key}\`, so it is ignored. Check the spelling against Istio's annotation reference.`));
  },
};
