// MM413 on a VirtualService HTTP route whose retries cannot fit in its timeout:
// `retries.attempts` × `retries.perTryTimeout` is longer than `timeout`. Envoy stops the
// request when the route timeout expires, whatever retry it is on (the timeout covers all
// tries), so the later attempts are cut off or never made. Without `timeout` (Istio
// disables the route timeout by default) or `perTryTimeout` (each try then gets the whole
// timeout) there is nothing to compare.
import type { Finding } from '../finding';
import { parseGoDuration } from '../schema/goDuration';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { list, record, spec, text } from './plainValue';
import type { Rule } from './rule';

function seconds(nanos: number): string {
  const s = nanos / 1e9;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(3))}s`;
}

export const virtualServiceRetriesExceedTimeout: Rule = {
  code: 'MM413',
  defaultSeverity: 'warning',
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings: Finding[] = [];
    list(spec(ctx.resource.resource.value).http).forEach((rule, i) => {
      const r = record(rule);
      const retries = record(r?.retries);
      if (!r || !retries) return;
      const timeout = parseGoDuration(text(r.timeout));
      const perTry = parseGoDuration(text(retries.perTryTimeout));
      const attempts = Number(retries.attempts);
      if (!timeout || !perTry || timeout <= 0 || perTry <= 0 || !Number.isInteger(attempts) || attempts <= 0) return;
      const total = perTry * attempts;
      if (total <= timeout) return;
      findings.push(findingAt(ctx, 'MM413', ['spec', 'http', i, 'retries', 'perTryTimeout'], `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'} × ${seconds(perTry)} per try = ${seconds(total)}, longer than the route's timeout of ${seconds(timeout)}: Envoy gives up when the timeout expires, so the last tries are cut short. Raise \`timeout\` to at least ${seconds(total)}, or lower \`attempts\` or \`perTryTimeout\`.`));
    });
    return findings;
  },
};
