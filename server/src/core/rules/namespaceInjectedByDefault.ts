// IST0148 on a Namespace without data-plane labels when the sidecar injector in the
// workspace (ConfigMap `istio-sidecar-injector`) injects every namespace by default: its
// workloads get sidecars although nothing on the namespace says so.
import { findingAt, type IstioRule } from './istioRule';
import { IGNORED_NAMESPACES, injectsNamespacesByDefault, namespaceDataPlane } from './namespaceInjection';

export const namespaceInjectedByDefault: IstioRule = {
  code: 'IST0148',
  defaultSeverity: 'info',
  analyzers: ['injection.Analyzer'],
  appliesTo: (r) => r.group === '' && r.resource.kind === 'Namespace',
  check(ctx) {
    const name = ctx.resource.resource.name ?? '';
    if (IGNORED_NAMESPACES.has(name) || namespaceDataPlane(ctx.resource).hasAnyInjectionLabel || !injectsNamespacesByDefault(ctx.index)) return [];
    return [findingAt(ctx, 'IST0148', ['metadata', 'name'], `Namespace \`${name}\` has no injection label, but the sidecar injector injects every namespace by default, so its workloads get sidecars. Label it \`istio-injection: disabled\` to opt out, or \`enabled\` to make it explicit.`, 'value')];
  },
};
