// What the user sees: a warning on a Service's named `targetPort` when pods the Service
// selects (pod templates of Deployments, StatefulSets…, and Pods in the workspace) have no
// container port of that name. Kubernetes resolves the name per pod, so those pods get no
// endpoint for the port: the Service sends them nothing, and the mesh's proxies see no
// traffic for it — a port renamed in one Deployment but not in its Service is the usual cause.
import { findingAt } from './istioRule';
import type { Rule } from './rule';
import { exposedPorts, isSelectingService, serviceTargetPorts, workloadList } from './serviceTargetPorts';

export const serviceTargetPortName: Rule = {
  code: 'MM320',
  defaultSeverity: 'warning',
  appliesTo: isSelectingService,
  check(ctx) {
    return serviceTargetPorts(ctx.resource, ctx.index)
      .filter((t) => typeof t.target === 'string' && t.lacking.length > 0)
      .map((t) => {
        const all = t.lacking.length === t.selected.length;
        const known = exposedPorts(t.lacking);
        const effect = all ? `so port ${t.servicePort ?? '?'} of this Service has no endpoints and every connection to it fails` : 'so those pods get no traffic on this port';
        return findingAt(ctx, 'MM320', t.path,
          `No container port is named \`${String(t.target)}\` in ${workloadList(t.lacking)}, which this Service selects, ${effect}. Name the container port \`${String(t.target)}\`${known ? ` or target one the pods expose: ${known}` : ' in the pod template'}.`, 'value');
      });
  },
};
