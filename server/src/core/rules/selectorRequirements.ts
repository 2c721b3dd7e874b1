// What the user sees: an error on a `matchExpressions` requirement of a Kubernetes label
// selector that the API server rejects (apimachinery ValidateLabelSelectorRequirement): an
// operator other than In, NotIn, Exists and DoesNotExist (case matters: `in` is wrong, and
// Gt/Lt belong to node selectors), In/NotIn without values, or Exists/DoesNotExist with
// values. Checked on workload controllers, NetworkPolicies and PodDisruptionBudgets;
// CRD selectors are left to their schemas.
import type { Finding } from '../finding';
import { closestName } from '../schema/editDistance';
import { findingAt } from './istioRule';
import { hasSelectorSites, selectorSites } from './kubernetesSelectors';
import { at, list, record } from './plainValue';
import type { Rule } from './rule';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export const selectorRequirements: Rule = {
  code: 'MM324',
  defaultSeverity: 'error',
  appliesTo: hasSelectorSites,
  check(ctx) {
    const out: Finding[] = [];
    const value = ctx.resource.resource.value;
    for (const site of selectorSites(ctx.resource)) {
      if (site.shape !== 'labelSelector') continue;
      list(at(value, ...site.path, 'matchExpressions')).forEach((e, i) => {
        const expr = record(e);
        if (!expr || typeof expr.operator !== 'string') return;
        const path = [...site.path, 'matchExpressions', i];
        const op = expr.operator;
        const values = list(expr.values);
        if (!OPERATORS.includes(op)) {
          const fix = OPERATORS.find((o) => o.toLowerCase() === op.toLowerCase()) ?? closestName(op, OPERATORS);
          const finding = findingAt(ctx, 'MM324', [...path, 'operator'], `\`${op}\` is not a label selector operator; Kubernetes accepts \`In\`, \`NotIn\`, \`Exists\` and \`DoesNotExist\` (case matters) and rejects the resource.${fix ? ` Did you mean \`${fix}\`?` : ''}`, 'value');
          out.push(fix ? { ...finding, data: { replaceWith: fix } } : finding);
        } else if ((op === 'In' || op === 'NotIn') && values.length === 0) {
          out.push(findingAt(ctx, 'MM324', [...path, expr.values === undefined ? 'operator' : 'values'], `\`${op}\` needs at least one value in \`values\`; Kubernetes rejects the requirement without them.`, 'value'));
        } else if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) {
          out.push(findingAt(ctx, 'MM324', [...path, 'values'], `\`${op}\` takes no \`values\`; Kubernetes rejects the requirement. Remove \`values\`, or use \`In\`/\`NotIn\` to compare them.`));
        }
      });
    }
    return out;
  },
};
