// MM414 (info) on a VirtualService fault injection that aborts every request
// (`fault.abort.percentage.value` 100 or more): the route then never reaches its
// destination. Useful during a chaos drill, costly if left on after it. Without
// `percentage` Istio aborts no request (Istio HTTPFaultInjection.Abort reference), so
// only an explicit 100 counts.
import type { Finding } from '../finding';
import { findingAt, ofKind, NETWORKING } from './istioRule';
import { at, list, record, spec, text } from './plainValue';
import type { Rule } from './rule';

export const virtualServiceFullAbort: Rule = {
  code: 'MM414',
  defaultSeverity: 'info',
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings: Finding[] = [];
    list(spec(ctx.resource.resource.value).http).forEach((rule, i) => {
      const abort = record(at(rule, 'fault', 'abort'));
      const percent = Number(at(abort, 'percentage', 'value'));
      if (!abort || !(percent >= 100)) return;
      const status = abort.httpStatus != null ? `HTTP ${text(abort.httpStatus)}` : abort.grpcStatus != null ? `gRPC ${text(abort.grpcStatus)}` : 'an error';
      const scope = list(record(rule)?.match).length === 0 ? 'every request this VirtualService routes here' : 'every request matching this rule';
      findings.push(findingAt(ctx, 'MM414', ['spec', 'http', i, 'fault', 'abort', 'percentage', 'value'], `Fault injection aborts ${scope} with ${status}; no request reaches the destination. Fine for a chaos drill — remove \`fault\` (or lower the percentage) when it is over.`, 'value'));
    });
    return findings;
  },
};
