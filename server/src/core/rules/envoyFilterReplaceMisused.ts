// IST0152 on an EnvoyFilter REPLACE patch for something other than HTTP_FILTER,
// NETWORK_FILTER or VIRTUAL_HOST: Envoy cannot replace it and the patch is ignored.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { patchProblems } from './envoyFilterPatches';

export const envoyFilterReplaceMisused: IstioRule = {
  code: 'IST0152',
  defaultSeverity: 'error',
  analyzers: ['envoyfilter.EnvoyPatchAnalyzer'],
  appliesTo: ofKind('EnvoyFilter', NETWORKING),
  check(ctx) {
    return patchProblems(ctx.index, ctx.resource)
      .filter((p) => p.code === 'IST0152')
      .map((p) => findingAt(ctx, 'IST0152', ['spec', 'configPatches', p.index, 'patch', 'operation'], `REPLACE does not work with applyTo ${p.applyTo || "(none)"}; only HTTP_FILTER, NETWORK_FILTER and VIRTUAL_HOST can be replaced. Use MERGE, or REMOVE plus ADD.`, 'value'));
  },
};
