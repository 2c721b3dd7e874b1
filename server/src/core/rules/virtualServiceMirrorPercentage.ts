// MM415 on a VirtualService mirror percentage outside 0..100 (`mirrorPercentage.value`,
// `mirrors[].percentage.value`, the deprecated `mirrorPercent`). Istio's webhook rejects
// it (pkg/config/validation validateHTTPRoute and validateHTTPMirrors: "must have a max
// value of 100", "a min value of 0"); the CRD schema does not bound it.
import type { Finding } from '../finding';
import type { JsonPath } from '../parse/locator';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { at, list, record, spec } from './plainValue';
import type { Rule } from './rule';

export const virtualServiceMirrorPercentage: Rule = {
  code: 'MM415',
  defaultSeverity: 'error',
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings: Finding[] = [];
    const add = (path: JsonPath, value: unknown) => {
      if (typeof value !== 'number' || (value >= 0 && value <= 100)) return;
      findings.push(findingAt(ctx, 'MM415', path, `A mirror percentage of ${value} is outside 0..100, so Istio rejects the VirtualService. ${value > 100 ? 'Use 100 to mirror every request' : 'Use 0 to mirror nothing'}.`, 'value'));
    };
    list(spec(ctx.resource.resource.value).http).forEach((rule, i) => {
      const r = record(rule);
      if (!r) return;
      add(['spec', 'http', i, 'mirrorPercentage', 'value'], at(r, 'mirrorPercentage', 'value'));
      add(['spec', 'http', i, 'mirrorPercent'], r.mirrorPercent);
      list(r.mirrors).forEach((m, j) => add(['spec', 'http', i, 'mirrors', j, 'percentage', 'value'], at(m, 'percentage', 'value')));
    });
    return findings;
  },
};
