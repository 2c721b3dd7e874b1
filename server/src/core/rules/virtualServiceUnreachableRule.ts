// IST0130 on a VirtualService rule Envoy can never reach: it comes after a rule without
// `match` (which takes all remaining traffic), or every one of its matches repeats an
// earlier rule's match.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { matchProblems } from './virtualServiceMatchAnalysis';

export const virtualServiceUnreachableRule: IstioRule = {
  code: 'IST0130',
  defaultSeverity: 'warning',
  analyzers: ['schema.ValidationAnalyzer.VirtualService'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings = [];
    for (const p of matchProblems(ctx.resource.resource.value)) {
      if (p.kind !== 'unreachable') continue;
      findings.push(findingAt(ctx, 'IST0130', p.path, `Rule ${p.rule} is never used (${p.reason}). Move rules without \`match\` to the end, or remove this rule.`));
    }
    return findings;
  },
};
