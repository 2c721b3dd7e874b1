// What the user sees: a PromQL syntax error in a PrometheusRule `expr`, at the exact
// character inside the string where the parser stopped. Parsed with
// @prometheus-io/lezer-promql, the grammar Prometheus itself ships for its UI.
import { parser } from '@prometheus-io/lezer-promql';
import type { Finding } from '../finding';
import { scalarSourceOffset } from '../parse/scalarSourceMap';
import { list, record } from './plainValue';
import type { Rule } from './rule';

const MONITORING = 'monitoring.coreos.com';

/** Offset in `expr` of the first syntax error, or undefined when it parses. */
export function promqlErrorOffset(expr: string): number | undefined {
  let at: number | undefined;
  parser.parse(expr).iterate({
    enter(node) {
      if (at !== undefined) return false;
      if (node.type.isError) at = node.from;
      return undefined;
    },
  });
  return at;
}

export const prometheusRuleExpression: Rule = {
  code: 'MM301',
  defaultSeverity: 'error',
  appliesTo: (r) => r.resource.kind === 'PrometheusRule' && r.group === MONITORING,
  check({ resource, locator }) {
    const findings: Finding[] = [];
    const spec = record(resource.resource.value.spec);
    list(spec?.groups).forEach((group, g) => {
      list(record(group)?.rules).forEach((rule, r) => {
        const expr = record(rule)?.expr;
        const source = typeof expr === 'string' ? expr : typeof expr === 'number' ? String(expr) : undefined;
        if (source === undefined || source.trim() === '') return;
        const found = promqlErrorOffset(source);
        if (found === undefined) return;
        // an error at the very end is shown on the expression's last character
        const at = Math.min(found, Math.max(0, source.trimEnd().length - 1));
        const path = ['spec', 'groups', g, 'rules', r, 'expr'];
        const span = locator.value(path);
        if (!span) return;
        const sourceText = resource.resource.documentText.slice(span.start - resource.base, span.end - resource.base);
        const start = span.start + scalarSourceOffset(sourceText, source, at);
        const near = found < source.trimEnd().length ? source.slice(at, at + 20).split('\n')[0] : '';
        findings.push({
          code: 'MM301',
          message: near
            ? `PromQL syntax error at \`${near}\` (character ${at + 1} of the expression). Prometheus will refuse to load this rule group.`
            : 'PromQL syntax error: the expression ends too early (an operator or bracket is left open). Prometheus will refuse to load this rule group.',
          start: Math.min(start, span.end),
          end: Math.min(Math.max(start + Math.max(1, near.length), start + 1), span.end),
        });
      });
    });
    return findings;
  },
};
