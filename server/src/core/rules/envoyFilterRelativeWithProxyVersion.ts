// IST0155 on an EnvoyFilter relative patch (INSERT_BEFORE, INSERT_AFTER, REPLACE, REMOVE) without
// `priority` on a filter that a patch under a `proxyVersion` match also changes: which
// of them applies first differs between proxy versions.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { patchProblems } from './envoyFilterPatches';

export const envoyFilterRelativeWithProxyVersion: IstioRule = {
  code: 'IST0155',
  defaultSeverity: 'warning',
  analyzers: ['envoyfilter.EnvoyPatchAnalyzer'],
  appliesTo: ofKind('EnvoyFilter', NETWORKING),
  check(ctx) {
    return patchProblems(ctx.index, ctx.resource)
      .filter((p) => p.code === 'IST0155')
      .map((p) => findingAt(ctx, 'IST0155', ['spec', 'configPatches', p.index, 'patch', 'operation'], 'This relative patch works on a filter that another patch changes only for some proxy versions (a `proxyVersion` match), and without `spec.priority` their order is undefined. Set a non-zero `priority`.', 'value'));
  },
};
