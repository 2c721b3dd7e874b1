// Kubernetes LabelSelector with both halves: `matchLabels` (equality) and `matchExpressions`
// (set-based: In, NotIn, Exists, DoesNotExist), as Linkerd Server `podSelector` and
// Gateway API `allowedRoutes.namespaces.selector` use it. All requirements must hold; an
// empty selector selects everything (apimachinery's LabelSelectorAsSelector).
import type { Labels } from './labelSelector';
import { list, record, stringMap, strings, text } from './plainValue';

interface Requirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

export interface SetBasedSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly Requirement[];
}

export function parseSetBasedSelector(value: unknown): SetBasedSelector {
  const r = record(value) ?? {};
  const matchExpressions = list(r.matchExpressions)
    .map(record)
    .filter((e) => e !== undefined)
    .map((e) => ({ key: text(e!.key), operator: text(e!.operator), values: strings(e!.values) }));
  return { matchLabels: stringMap(r.matchLabels), matchExpressions };
}

export function setBasedSelectorMatches(selector: SetBasedSelector, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] !== value) return false;
  }
  for (const { key, operator, values } of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (operator) {
      case 'In':
        if (!has || !values.includes(labels[key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        // an unknown operator is a schema error; Kubernetes rejects the selector, so it selects nothing
        return false;
    }
  }
  return true;
}

/** `app=web,tier in (a,b),!legacy`, roughly as kubectl prints a selector. */
export function setBasedSelectorText(selector: SetBasedSelector): string {
  const parts = Object.keys(selector.matchLabels).sort().map((k) => `${k}=${selector.matchLabels[k]}`);
  for (const { key, operator, values } of selector.matchExpressions) {
    if (operator === 'In') parts.push(`${key} in (${values.join(',')})`);
    else if (operator === 'NotIn') parts.push(`${key} notin (${values.join(',')})`);
    else if (operator === 'Exists') parts.push(key);
    else if (operator === 'DoesNotExist') parts.push(`!${key}`);
  }
  return parts.join(',') || '(everything)';
}
