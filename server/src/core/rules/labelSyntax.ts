// What the user sees: an error on a label key or value, an annotation key, or a selector
// key or value that the API server rejects (apimachinery IsQualifiedName and
// IsValidLabelValue): a key with a space or two `/`, an uppercase prefix, a name or value
// longer than 63 characters, a value with `:` or `/` (an image tag, a URL). The resource is
// refused, so the workload and the mesh config on it never arrive. Checked on every
// resource's metadata, pod and job templates, and the selectors of Kubernetes kinds.
// Whether a value is a string at all is the schema's (MM201).
import type { Finding } from '../finding';
import type { JsonPath } from '../parse/locator';
import { findingAt } from './istioRule';
import { labelValueProblem, qualifiedNameProblem } from './kubernetesNames';
import { metadataBlocks } from './metadataBlocks';
import { hasSelectorSites, selectorSites } from './kubernetesSelectors';
import { at, list, record } from './plainValue';
import type { Rule, RuleContext } from './rule';

const tick = (s: string) => `\`${s}\``;

/** A valid label value near `value` (other characters → `-`, ends trimmed), if one is. */
function fixValue(value: string): string | undefined {
  const candidate = value.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').slice(0, 63).replace(/[^A-Za-z0-9]+$/, '');
  return candidate && candidate !== value && labelValueProblem(candidate) === undefined ? candidate : undefined;
}

function checkKey(ctx: RuleContext, out: Finding[], path: JsonPath, key: string, what: string, lower = false): void {
  const problem = qualifiedNameProblem(lower ? key.toLowerCase() : key);
  if (problem) out.push(findingAt(ctx, 'MM323', path, `${what} key ${tick(key)} is not valid: ${problem}. Kubernetes rejects the resource.`));
}

function checkValue(ctx: RuleContext, out: Finding[], path: JsonPath, value: string, what: string): void {
  const problem = labelValueProblem(value);
  if (!problem) return;
  const fix = fixValue(value);
  const finding = findingAt(ctx, 'MM323', path, `${what} value ${tick(value)} is not valid: ${problem}. Kubernetes rejects the resource.${fix ? ` For example ${tick(fix)}.` : ' Move free text to an annotation.'}`, 'value');
  out.push(fix ? { ...finding, data: { replaceWith: fix } } : finding);
}

function checkMap(ctx: RuleContext, out: Finding[], path: JsonPath, map: unknown, what: string): void {
  const r = record(map);
  if (!r) return;
  for (const [key, value] of Object.entries(r)) {
    checkKey(ctx, out, [...path, key], key, what);
    // non-strings are the schema's MM201; null reads as empty
    if (typeof value === 'string') checkValue(ctx, out, [...path, key], value, what);
  }
}

export const labelSyntax: Rule = {
  code: 'MM323',
  defaultSeverity: 'error',
  appliesTo: () => true,
  check(ctx) {
    const out: Finding[] = [];
    const value = ctx.resource.resource.value;
    for (const block of metadataBlocks(ctx.resource)) {
      const meta = record(at(value, ...block.path));
      if (!meta) continue;
      checkMap(ctx, out, [...block.path, 'labels'], meta.labels, 'Label');
      // annotation keys are checked in lower case (ValidateAnnotations); values are free text
      for (const key of Object.keys(record(meta.annotations) ?? {})) checkKey(ctx, out, [...block.path, 'annotations', key], key, 'Annotation', true);
    }
    if (!hasSelectorSites(ctx.resource)) return out;
    for (const site of selectorSites(ctx.resource)) {
      const selector = at(value, ...site.path);
      if (site.shape === 'map') {
        checkMap(ctx, out, site.path, selector, 'Selector');
        continue;
      }
      checkMap(ctx, out, [...site.path, 'matchLabels'], record(selector)?.matchLabels, 'Selector');
      list(record(selector)?.matchExpressions).forEach((e, i) => {
        const expr = record(e);
        if (!expr) return;
        if (typeof expr.key === 'string') {
          const problem = qualifiedNameProblem(expr.key);
          if (problem) out.push(findingAt(ctx, 'MM323', [...site.path, 'matchExpressions', i, 'key'], `Selector key ${tick(expr.key)} is not valid: ${problem}. Kubernetes rejects the resource.`, 'value'));
        }
        list(expr.values).forEach((v, j) => {
          if (typeof v === 'string') checkValue(ctx, out, [...site.path, 'matchExpressions', i, 'values', j], v, 'Selector');
        });
      });
    }
    return out;
  },
};
