// What the user sees: a warning on the value of a Linkerd, Consul or Mumbai Mesh
// annotation that its reader rejects or misreads: a quantity that is not one (`128MB`) or
// means something else (`128m` of memory is 0.128 bytes), `linkerd.io/inject: true`
// (Linkerd accepts only enabled, disabled or ingress), booleans other than true/false for
// consul-k8s (strconv.ParseBool), durations without a unit, port lists, consul upstreams
// (`service:port`). A quick fix is offered when the intended value is plain.
import type { Finding } from '../finding';
import { findingAt } from './istioRule';
import { hasMeshKeys, meshAnnotationProblems } from './meshAnnotationProblems';
import type { Rule } from './rule';

export const meshAnnotationInvalid: Rule = {
  code: 'MM312',
  defaultSeverity: 'warning',
  appliesTo: hasMeshKeys,
  check(ctx) {
    const out: Finding[] = [];
    for (const p of meshAnnotationProblems(ctx.resource)) {
      if (p.code !== 'MM312') continue;
      const finding = findingAt(ctx, 'MM312', p.path, p.message, 'value');
      out.push(p.suggestion !== undefined ? { ...finding, data: { replaceWith: p.suggestion } } : finding);
    }
    return out;
  },
};
