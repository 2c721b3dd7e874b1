// IST0102 on a Namespace with none of Istio's data-plane labels: its workloads get no
// sidecar and are not in ambient mode. Kubernetes' and Istio's own namespaces are
// skipped, and so is every namespace when the injector injects by default (IST0148).
// Unlike istioctl, a namespace that opts into another mesh (Linkerd's `linkerd.io/inject`,
// Consul's `consul.hashicorp.com/connect-inject`) is left alone: it is meshed, not by Istio.
import { findingAt, type IstioRule } from './istioRule';
import { IGNORED_NAMESPACES, injectsNamespacesByDefault, namespaceDataPlane } from './namespaceInjection';

function inOtherMesh(value: Record<string, unknown>): boolean {
  const metadata = (value.metadata ?? {}) as { labels?: Record<string, unknown>; annotations?: Record<string, unknown> };
  for (const map of [metadata.labels ?? {}, metadata.annotations ?? {}]) {
    if (map['linkerd.io/inject'] === 'enabled' || map['linkerd.io/inject'] === 'ingress') return true;
    if (String(map['consul.hashicorp.com/connect-inject']) === 'true') return true;
  }
  return false;
}

export const namespaceNotInjected: IstioRule = {
  code: 'IST0102',
  defaultSeverity: 'info',
  analyzers: ['injection.Analyzer'],
  appliesTo: (r) => r.group === '' && r.resource.kind === 'Namespace',
  check(ctx) {
    const name = ctx.resource.resource.name ?? '';
    if (inOtherMesh(ctx.resource.resource.value)) return [];
    if (IGNORED_NAMESPACES.has(name) || namespaceDataPlane(ctx.resource).hasAnyInjectionLabel || injectsNamespacesByDefault(ctx.index)) return [];
    return [findingAt(ctx, 'IST0102', ['metadata', 'name'], `Namespace \`${name}\` is not in the mesh: it has no \`istio-injection: enabled\`, \`istio.io/rev\` or \`istio.io/dataplane-mode: ambient\` label. Add one if its workloads should get Istio.`, 'value')];
  },
};
