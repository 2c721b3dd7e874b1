// IST0102 on a Namespace with none of Istio's data-plane labels: its workloads get no
// sidecar and are not in ambient mode. Kubernetes' and Istio's own namespaces are
// skipped, and so is every namespace when the injector injects by default (IST0148).
import { findingAt, type IstioRule } from './istioRule';
import { IGNORED_NAMESPACES, injectsNamespacesByDefault, namespaceDataPlane } from './namespaceInjection';

export const namespaceNotInjected: IstioRule = {
  code: 'IST0102',
  defaultSeverity: 'info',
  analyzers: ['injection.Analyzer'],
  appliesTo: (r) => r.group === '' && r.resource.kind === 'Namespace',
  check(ctx) {
    const name = ctx.resource.resource.name ?? '';
    if (IGNORED_NAMESPACES.has(name) || namespaceDataPlane(ctx.resource).hasAnyInjectionLabel || injectsNamespacesByDefault(ctx.index)) return [];
    return [findingAt(ctx, 'IST0102', ['metadata', 'name'], `Namespace \`${name}\` is not in the mesh: it has no \`istio-injection: enabled\`, \`istio.io/rev\` or \`istio.io/dataplane-mode: ambient\` label. Add one if its workloads should get Istio.`, 'value')];
  },
};
