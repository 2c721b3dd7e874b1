// What the user sees: a warning on a Linkerd, Consul or Mumbai Mesh annotation or label
// placed where its reader never looks — `linkerd.io/inject` on a Deployment's own metadata
// (Linkerd reads it from pod templates and namespaces), a `consul.hashicorp.com/*`
// annotation on a Namespace or Deployment (consul-k8s reads the pod only), an annotation
// written as a label, or the reverse. The message says where it belongs. Placement tables:
// linkerdAnnotations.ts and consulAnnotations.ts.
import { findingAt } from './istioRule';
import { hasMeshKeys, meshAnnotationProblems } from './meshAnnotationProblems';
import type { Rule } from './rule';

export const meshAnnotationMisplaced: Rule = {
  code: 'MM311',
  defaultSeverity: 'warning',
  appliesTo: hasMeshKeys,
  check(ctx) {
    return meshAnnotationProblems(ctx.resource).flatMap((p) => (p.code === 'MM311' ? [findingAt(ctx, 'MM311', p.path, p.message)] : []));
  },
};
