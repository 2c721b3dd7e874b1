// Istio's annotation registry (istio/api annotation/annotations.yaml): which kinds each
// `*istio.io/` annotation belongs on, and whether it is deprecated or alpha. `Any`
// means any kind. Annotations marked `setByIstio` are written by Istio itself (injector,
// CNI, gateway controller), so their maturity is no concern of the user's.
export interface AnnotationInfo {
  readonly resources: readonly string[];
  readonly deprecated?: boolean;
  /** Feature status Alpha (the default for entries that state none). */
  readonly alpha?: boolean;
  readonly setByIstio?: boolean;
}

const POD = ['Pod'];
const A = { resources: POD, alpha: true };

export const ISTIO_ANNOTATIONS: ReadonlyMap<string, AnnotationInfo> = new Map<string, AnnotationInfo>([
  ['alpha.istio.io/kubernetes-serviceaccounts', { resources: ['Service'], deprecated: true, alpha: true }],
  ['alpha.istio.io/canonical-serviceaccounts', { resources: ['Service'], deprecated: true, alpha: true }],
  ['alpha.istio.io/identity', { resources: POD, deprecated: true, alpha: true }],
  ['ambient.istio.io/redirection', { resources: POD, setByIstio: true }],
  ['ambient.istio.io/bypass-inbound-capture', A],
  ['ambient.istio.io/dns-capture', A],
  ['ambient.istio.io/waypoint-inbound-binding', { resources: ['GatewayClass', 'Gateway'], alpha: true }],
  ['galley.istio.io/analyze-suppress', { resources: ['Any'], alpha: true }],
  ['gateway.istio.io/controller-version', { resources: ['Any'], alpha: true, setByIstio: true }],
  ['gateway.istio.io/service-account', { resources: ['Gateway'], alpha: true }],
  ['gateway.istio.io/name-override', { resources: ['Gateway'], alpha: true }],
  ['inject.istio.io/templates', A],
  ['install.operator.istio.io/chart-owner', { resources: ['Any'], alpha: true }],
  ['install.operator.istio.io/owner-generation', { resources: ['Any'], alpha: true }],
  ['install.operator.istio.io/version', { resources: ['Any'], alpha: true }],
  ['istio.io/autoRegistrationGroup', { resources: ['WorkloadEntry'], alpha: true, setByIstio: true }],
  ['istio.io/connectedAt', { resources: ['WorkloadEntry'], alpha: true, setByIstio: true }],
  ['istio.io/disconnectedAt', { resources: ['WorkloadEntry'], alpha: true, setByIstio: true }],
  ['istio.io/workloadController', { resources: ['WorkloadEntry'], alpha: true, setByIstio: true }],
  ['istio.io/dry-run', { resources: ['AuthorizationPolicy'], alpha: true }],
  ['istio.io/rev', { resources: POD, alpha: true, setByIstio: true }],
  ['istio.io/reroute-virtual-interfaces', A],
  ['kubernetes.io/ingress.class', { resources: ['Ingress'] }],
  ['networking.istio.io/exportTo', { resources: ['Service'], alpha: true }],
  ['networking.istio.io/service-type', { resources: ['Gateway'], alpha: true }],
  ['networking.istio.io/traffic-distribution', { resources: ['Service', 'ServiceEntry'], alpha: true }],
  ['prometheus.istio.io/merge-metrics', A],
  ['proxy.istio.io/config', { resources: POD }],
  ['proxy.istio.io/overrides', { resources: POD, alpha: true, setByIstio: true }],
  ['readiness.status.sidecar.istio.io/applicationPorts', A],
  ['readiness.status.sidecar.istio.io/failureThreshold', A],
  ['readiness.status.sidecar.istio.io/initialDelaySeconds', A],
  ['readiness.status.sidecar.istio.io/periodSeconds', A],
  ['security.istio.io/autoMTLS', A],
  ['sidecar.istio.io/agentLogLevel', A],
  ['sidecar.istio.io/bootstrapOverride', A],
  ['sidecar.istio.io/componentLogLevel', A],
  ['sidecar.istio.io/controlPlaneAuthPolicy', { resources: POD, deprecated: true, alpha: true }],
  ['sidecar.istio.io/discoveryAddress', { resources: POD, deprecated: true, alpha: true }],
  ['sidecar.istio.io/enableCoreDump', A],
  ['sidecar.istio.io/extraStatTags', { resources: POD, deprecated: true, alpha: true }],
  ['sidecar.istio.io/inject', { resources: POD, deprecated: true }],
  ['sidecar.istio.io/interceptionMode', A],
  ['sidecar.istio.io/logLevel', A],
  ['sidecar.istio.io/nativeSidecar', A],
  ['sidecar.istio.io/proxyCPU', A],
  ['sidecar.istio.io/proxyCPULimit', A],
  ['sidecar.istio.io/proxyImage', A],
  ['sidecar.istio.io/proxyImageType', A],
  ['sidecar.istio.io/proxyMemory', A],
  ['sidecar.istio.io/proxyMemoryLimit', A],
  ['sidecar.istio.io/rewriteAppHTTPProbers', A],
  ['sidecar.istio.io/statsCompression', A],
  ['sidecar.istio.io/statsEvictionInterval', A],
  ['sidecar.istio.io/statsFlushInterval', A],
  ['sidecar.istio.io/statsHistogramBuckets', A],
  ['sidecar.istio.io/statsInclusionPrefixes', { resources: POD, deprecated: true, alpha: true }],
  ['sidecar.istio.io/statsInclusionRegexps', { resources: POD, deprecated: true, alpha: true }],
  ['sidecar.istio.io/statsInclusionSuffixes', { resources: POD, deprecated: true, alpha: true }],
  ['sidecar.istio.io/status', { resources: POD, alpha: true, setByIstio: true }],
  ['sidecar.istio.io/userVolume', A],
  ['sidecar.istio.io/userVolumeMount', A],
  ['status.sidecar.istio.io/port', A],
  ['topology.istio.io/controlPlaneClusters', { resources: ['Namespace'], alpha: true }],
  ['traffic.istio.io/nodeSelector', { resources: ['Service'] }],
  ['traffic.sidecar.istio.io/excludeInboundPorts', A],
  ['traffic.sidecar.istio.io/excludeInterfaces', A],
  ['traffic.sidecar.istio.io/excludeOutboundIPRanges', A],
  ['traffic.sidecar.istio.io/excludeOutboundPorts', A],
  ['traffic.sidecar.istio.io/includeInboundPorts', A],
  ['traffic.sidecar.istio.io/includeOutboundIPRanges', A],
  ['traffic.sidecar.istio.io/includeOutboundPorts', A],
  ['traffic.sidecar.istio.io/kubevirtInterfaces', { resources: POD, deprecated: true, alpha: true }],
]);

/** Annotations istioctl checks: keys in an `…istio.io` prefix, and kubernetes.io/ingress.class. */
export function isIstioAnnotation(key: string): boolean {
  if (key === 'kubernetes.io/ingress.class') return true;
  const slash = key.indexOf('/');
  return (slash === -1 ? key : key.slice(0, slash)).endsWith('istio.io');
}
