// IST0151 on an EnvoyFilter patch with a relative operation (INSERT_BEFORE, INSERT_AFTER, REPLACE, REMOVE)
// while the EnvoyFilter has no `priority`: the result depends on the order filters happen
// to be applied in.
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { patchProblems } from './envoyFilterPatches';

export const envoyFilterRelativeOperation: IstioRule = {
  code: 'IST0151',
  defaultSeverity: 'warning',
  analyzers: ['envoyfilter.EnvoyPatchAnalyzer'],
  appliesTo: ofKind('EnvoyFilter', NETWORKING),
  check(ctx) {
    return patchProblems(ctx.index, ctx.resource)
      .filter((p) => p.code === 'IST0151')
      .map((p) => findingAt(ctx, 'IST0151', ['spec', 'configPatches', p.index, 'patch', 'operation'], 'This patch operation is relative to other patches (INSERT_BEFORE, INSERT_AFTER, REPLACE or REMOVE), and without `spec.priority` the order EnvoyFilters are applied in is undefined. Set a non-zero `priority` to make the result predictable.', 'value'));
  },
};
