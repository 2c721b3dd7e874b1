// What the user sees: an info note on a Service's numeric `targetPort` (or `port`, when
// targetPort is left out) that the selected pods do not declare, while they do declare
// other container ports. Kubernetes forwards to the number anyway, so this is only a hint:
// either the application listens on an undeclared port, or the Service points at the wrong
// one. Meshes lean on declared ports (Linkerd's Server `port`, Istio's inbound listeners
// for headless Services), so declaring them keeps policy and traffic in step.
import { findingAt } from './istioRule';
import type { Rule } from './rule';
import { exposedPorts, isSelectingService, serviceTargetPorts, workloadList } from './serviceTargetPorts';

export const serviceTargetPortNumber: Rule = {
  code: 'MM321',
  defaultSeverity: 'info',
  appliesTo: isSelectingService,
  check(ctx) {
    return serviceTargetPorts(ctx.resource, ctx.index)
      .filter((t) => typeof t.target === 'number' && t.lacking.length > 0)
      .map((t) => findingAt(ctx, 'MM321', t.path,
        `Port ${String(t.target)} is not among the container ports declared by ${workloadList(t.lacking)} (${exposedPorts(t.lacking)}). If the application listens on ${String(t.target)}, declare it in the pod template; otherwise target one of the declared ports.`, 'value'));
  },
};
