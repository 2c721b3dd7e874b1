// IST0131 on a VirtualService match that never takes effect: an earlier rule has the
// same match, or an earlier URI prefix match with the same other conditions covers it.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { matchProblems } from './virtualServiceMatchAnalysis';

export const virtualServiceIneffectiveMatch: IstioRule = {
  code: 'IST0131',
  defaultSeverity: 'info',
  analyzers: ['schema.ValidationAnalyzer.VirtualService'],
  appliesTo: ofKind('VirtualService', NETWORKING),
  check(ctx) {
    const findings = [];
    for (const p of matchProblems(ctx.resource.resource.value)) {
      if (p.kind !== 'ineffective') continue;
      findings.push(findingAt(ctx, 'IST0131', p.path, `Match ${p.match} of rule ${p.rule} never applies: ${p.coveredBy} takes those requests first. Remove it, or move the more specific match before the broader one.`));
    }
    return findings;
  },
};
