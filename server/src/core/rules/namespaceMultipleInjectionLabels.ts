// IST0123 on a Namespace with more than one label that turns on a data plane
// (`istio-injection: enabled`, `istio.io/rev`, `istio.io/dataplane-mode: ambient`):
// which one wins is not obvious (and sidecar labels override ambient).
import { findingAt, type IstioRule } from './istioRule';
import { IGNORED_NAMESPACES, namespaceDataPlane } from './namespaceInjection';

export const namespaceMultipleInjectionLabels: IstioRule = {
  code: 'IST0123',
  defaultSeverity: 'warning',
  analyzers: ['injection.Analyzer'],
  appliesTo: (r) => r.group === '' && r.resource.kind === 'Namespace',
  check(ctx) {
    const name = ctx.resource.resource.name ?? '';
    const { enabling } = namespaceDataPlane(ctx.resource);
    if (IGNORED_NAMESPACES.has(name) || enabling.length < 2) return [];
    return [findingAt(ctx, 'IST0123', ['metadata', 'labels', enabling[1]], `Namespace \`${name}\` has several labels that choose a data plane (${enabling.join(', ')}); keep only one so it is clear which applies.`)];
  },
};
