// MM450 on a Linkerd Server whose `podSelector` selects no workload of its namespace: the
// policy it carries protects no pod, which usually means a label typo. Workloads are Pods
// and pod templates in the workspace; silent when the workspace holds no workload at all.
import { findingAt, ofKind } from './istioRule';
import { LINKERD_POLICY, serverSelection } from './linkerdPolicy';
import { at } from './plainValue';
import type { Rule } from './rule';
import { parseSetBasedSelector, setBasedSelectorText } from './setBasedSelector';
import { workloads } from './workloads';

export const linkerdServerSelectsWorkload: Rule = {
  code: 'MM450',
  defaultSeverity: 'warning',
  appliesTo: ofKind('Server', LINKERD_POLICY),
  check(ctx) {
    if (!workloads(ctx.index).hasOwnWorkloads) return [];
    const picked = serverSelection(ctx.index).get(ctx.resource);
    if (!picked || picked.length > 0) return [];
    const selector = setBasedSelectorText(parseSetBasedSelector(at(ctx.resource.resource.value, 'spec', 'podSelector')));
    return [findingAt(ctx, 'MM450', ['spec', 'podSelector'], `No workload in namespace \`${ctx.resource.namespace}\` matches this podSelector (\`${selector}\`), so this Server and the policies attached to it apply to no pod. Fix the selector to match the pod template labels of the workload.`)];
  },
};
