// MM454 on a Linkerd Server `port` that no workload it selects exposes: a port name no
// container port has, or a number no container declares. Linkerd resolves named ports
// from the containers' `ports`, so such a Server applies to no traffic. A numeric port is
// only judged when the selected pod templates declare their ports at all (declaring them
// is optional in Kubernetes, and Linkerd still applies a numeric port that is undeclared).
import { findingAt, ofKind } from './istioRule';
import { LINKERD_POLICY, serverSelection } from './linkerdPolicy';
import { at } from './plainValue';
import type { Rule } from './rule';
import { workloadName } from './workloadPolicies';

export const linkerdServerPortOnPods: Rule = {
  code: 'MM454',
  defaultSeverity: 'warning',
  appliesTo: ofKind('Server', LINKERD_POLICY),
  check(ctx) {
    const picked = serverSelection(ctx.index).get(ctx.resource);
    if (!picked || picked.length === 0) return [];
    const port = at(ctx.resource.resource.value, 'spec', 'port');
    const ports = picked.map((w) => w.ports);
    let missing: boolean;
    let what: string;
    if (typeof port === 'number') {
      if (ports.every((p) => p.length === 0)) return [];
      missing = !ports.some((p) => p.some((c) => c.number === port));
      what = `declares container port ${port}`;
    } else if (typeof port === 'string' && port !== '') {
      missing = !ports.some((p) => p.some((c) => c.name === port));
      what = `has a container port named \`${port}\``;
    } else {
      return [];
    }
    if (!missing) return [];
    const names = picked.slice(0, 3).map(workloadName).join(', ') + (picked.length > 3 ? ', …' : '');
    const known = [...new Set(ports.flat().map((c) => (c.name ? `${c.name} (${c.number})` : String(c.number))))].join(', ');
    return [findingAt(ctx, 'MM454', ['spec', 'port'], `None of the workloads this Server selects (${names}) ${what}, so the Server covers no traffic. Use a port the pods expose${known ? `: ${known}` : ''}.`, 'value')];
  },
};
