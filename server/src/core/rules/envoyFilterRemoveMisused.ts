// IST0154 on an EnvoyFilter REMOVE patch for ROUTE_CONFIGURATION or HTTP_ROUTE: these cannot be
// removed, so the patch is ignored.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { patchProblems } from './envoyFilterPatches';

export const envoyFilterRemoveMisused: IstioRule = {
  code: 'IST0154',
  defaultSeverity: 'error',
  analyzers: ['envoyfilter.EnvoyPatchAnalyzer'],
  appliesTo: ofKind('EnvoyFilter', NETWORKING),
  check(ctx) {
    return patchProblems(ctx.index, ctx.resource)
      .filter((p) => p.code === 'IST0154')
      .map((p) => findingAt(ctx, 'IST0154', ['spec', 'configPatches', p.index, 'patch', 'operation'], `REMOVE is ignored for applyTo ${p.applyTo}; a route configuration or HTTP route cannot be removed this way. Use MERGE to change it instead.`, 'value'));
  },
};
