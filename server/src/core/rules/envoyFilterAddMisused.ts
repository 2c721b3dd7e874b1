// IST0153 on an EnvoyFilter ADD patch for ROUTE_CONFIGURATION or HTTP_ROUTE: these cannot be
// added, so the patch is ignored.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { patchProblems } from './envoyFilterPatches';

export const envoyFilterAddMisused: IstioRule = {
  code: 'IST0153',
  defaultSeverity: 'error',
  analyzers: ['envoyfilter.EnvoyPatchAnalyzer'],
  appliesTo: ofKind('EnvoyFilter', NETWORKING),
  check(ctx) {
    return patchProblems(ctx.index, ctx.resource)
      .filter((p) => p.code === 'IST0153')
      .map((p) => findingAt(ctx, 'IST0153', ['spec', 'configPatches', p.index, 'patch', 'operation'], `ADD is ignored for applyTo ${p.applyTo}; a route configuration or HTTP route cannot be added this way. Use MERGE on it, or ADD at VIRTUAL_HOST level.`, 'value'));
  },
};
