// What the user sees: an error on the `spec.selector` of a Deployment, StatefulSet,
// DaemonSet or ReplicaSet that does not select its own pod template's labels, or that is
// empty. The API server rejects such a workload ("selector does not match template
// labels", "empty selector is invalid"), so nothing is deployed — and a selector copied
// from another workload (`app: wallet` over a `wallet-v2` template) is the usual cause.
import { findingAt } from './istioRule';
import { at, record, stringMap } from './plainValue';
import type { Rule } from './rule';
import { parseSetBasedSelector, setBasedSelectorMatches, setBasedSelectorText } from './setBasedSelector';
import { selectorText } from './labelSelector';

const APPS_CONTROLLERS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

export const workloadSelectorMatchesTemplate: Rule = {
  code: 'MM322',
  defaultSeverity: 'error',
  appliesTo: (r) => r.group === 'apps' && APPS_CONTROLLERS.has(r.resource.kind),
  check(ctx) {
    const value = ctx.resource.resource.value;
    const raw = record(at(value, 'spec', 'selector'));
    const template = record(at(value, 'spec', 'template'));
    // a missing selector or template is the schema's (MM203)
    if (!raw || !template) return [];
    const kind = ctx.resource.resource.kind;
    const selector = parseSetBasedSelector(raw);
    if (Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0) {
      return [findingAt(ctx, 'MM322', ['spec', 'selector'], `A ${kind} needs a non-empty selector; Kubernetes rejects an empty one. Select the pod template's labels with \`matchLabels\`.`)];
    }
    // an unknown operator is MM324's; the selector cannot be judged until it is fixed
    if (selector.matchExpressions.some((e) => !OPERATORS.has(e.operator))) return [];
    const labels = stringMap(at(template, 'metadata', 'labels'));
    if (setBasedSelectorMatches(selector, labels)) return [];
    const shown = Object.keys(labels).length ? `\`${selectorText(labels)}\`` : 'no labels';
    return [findingAt(ctx, 'MM322', ['spec', 'selector'],
      `The selector \`${setBasedSelectorText(selector)}\` does not match the pod template's labels (${shown}); Kubernetes rejects this ${kind}. Make \`spec.selector.matchLabels\` a subset of \`spec.template.metadata.labels\`.`)];
  },
};
