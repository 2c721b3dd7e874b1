// The upstream reference page for each kind we describe, linked from every field hover.
const ISTIO = 'https://istio.io/latest/docs/reference/config';
const LINKERD = 'https://linkerd.io/2-edge/reference';
const CONSUL = 'https://developer.hashicorp.com/consul/docs/connect/config-entries';
const GATEWAY_API = 'https://gateway-api.sigs.k8s.io/reference/spec/';
const K8S = 'https://kubernetes.io/docs/reference/kubernetes-api';

const BY_GROUP: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'networking.istio.io': {
    VirtualService: `${ISTIO}/networking/virtual-service/`,
    DestinationRule: `${ISTIO}/networking/destination-rule/`,
    Gateway: `${ISTIO}/networking/gateway/`,
    ServiceEntry: `${ISTIO}/networking/service-entry/`,
    Sidecar: `${ISTIO}/networking/sidecar/`,
    WorkloadEntry: `${ISTIO}/networking/workload-entry/`,
    WorkloadGroup: `${ISTIO}/networking/workload-group/`,
    EnvoyFilter: `${ISTIO}/networking/envoy-filter/`,
    ProxyConfig: `${ISTIO}/networking/proxy-config/`,
  },
  'security.istio.io': {
    AuthorizationPolicy: `${ISTIO}/security/authorization-policy/`,
    PeerAuthentication: `${ISTIO}/security/peer_authentication/`,
    RequestAuthentication: `${ISTIO}/security/request_authentication/`,
  },
  'telemetry.istio.io': { Telemetry: `${ISTIO}/telemetry/` },
  'extensions.istio.io': {
    WasmPlugin: `${ISTIO}/proxy_extensions/wasm-plugin/`,
    TrafficExtension: `${ISTIO}/proxy_extensions/`,
  },
  'policy.linkerd.io': {
    Server: `${LINKERD}/authorization-policy/`,
    ServerAuthorization: `${LINKERD}/authorization-policy/`,
    AuthorizationPolicy: `${LINKERD}/authorization-policy/`,
    MeshTLSAuthentication: `${LINKERD}/authorization-policy/`,
    NetworkAuthentication: `${LINKERD}/authorization-policy/`,
    HTTPRoute: `${LINKERD}/httproute/`,
    EgressNetwork: `${LINKERD}/`,
    HTTPLocalRateLimitPolicy: `${LINKERD}/`,
  },
  'linkerd.io': { ServiceProfile: `${LINKERD}/service-profiles/` },
  'workload.linkerd.io': { ExternalWorkload: `${LINKERD}/` },
  'consul.hashicorp.com': {
    ServiceDefaults: `${CONSUL}/service-defaults`,
    ServiceResolver: `${CONSUL}/service-resolver`,
    ServiceSplitter: `${CONSUL}/service-splitter`,
    ServiceRouter: `${CONSUL}/service-router`,
    ServiceIntentions: `${CONSUL}/service-intentions`,
    ProxyDefaults: `${CONSUL}/proxy-defaults`,
    Mesh: `${CONSUL}/mesh`,
    ExportedServices: `${CONSUL}/exported-services`,
    IngressGateway: `${CONSUL}/ingress-gateway`,
    TerminatingGateway: `${CONSUL}/terminating-gateway`,
    SamenessGroup: `${CONSUL}/sameness-group`,
    JWTProvider: `${CONSUL}/jwt-provider`,
  },
  '': {
    Pod: `${K8S}/workload-resources/pod-v1/`,
    Service: `${K8S}/service-resources/service-v1/`,
    Namespace: `${K8S}/cluster-resources/namespace-v1/`,
    ConfigMap: `${K8S}/config-and-storage-resources/config-map-v1/`,
    Secret: `${K8S}/config-and-storage-resources/secret-v1/`,
    ServiceAccount: `${K8S}/authentication-resources/service-account-v1/`,
  },
  apps: {
    Deployment: `${K8S}/workload-resources/deployment-v1/`,
    StatefulSet: `${K8S}/workload-resources/stateful-set-v1/`,
    DaemonSet: `${K8S}/workload-resources/daemon-set-v1/`,
    ReplicaSet: `${K8S}/workload-resources/replica-set-v1/`,
  },
  batch: {
    Job: `${K8S}/workload-resources/job-v1/`,
    CronJob: `${K8S}/workload-resources/cron-job-v1/`,
  },
  autoscaling: { HorizontalPodAutoscaler: `${K8S}/workload-resources/horizontal-pod-autoscaler-v2/` },
  'networking.k8s.io': {
    NetworkPolicy: `${K8S}/policy-resources/network-policy-v1/`,
    Ingress: `${K8S}/service-resources/ingress-v1/`,
  },
  'monitoring.coreos.com': { PrometheusRule: 'https://prometheus-operator.dev/docs/api-reference/api/#monitoring.coreos.com/v1.PrometheusRule' },
};

/** Link for fields every object has (metadata.*). */
export const OBJECT_META_URL = `${K8S}/common-definitions/object-meta/`;

/** The reference page for a kind; every Gateway API kind shares the spec page. */
export function referenceUrl(group: string, kind: string): string | undefined {
  if (group === 'gateway.networking.k8s.io') return GATEWAY_API;
  return BY_GROUP[group]?.[kind];
}
