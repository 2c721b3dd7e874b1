// API versions a manifest should no longer use, with their replacement. Sources: the
// `served`/`deprecated` flags of the upstream CRDs (../shared/upstream/crds/README.md;
// Istio serves its older versions but documents v1 as current), and the Kubernetes
// deprecated-API migration guide for versions removed in 1.16, 1.22, 1.25, 1.26 and 1.29.
// `sameSchema`: the replacement accepts the same fields, so rewriting apiVersion is a safe
// quick fix; where fields changed (e.g. extensions/v1beta1 Deployment needs a selector in
// apps/v1) we only warn.
export interface ApiVersionChange {
  readonly replacement: string;
  /** Kubernetes release that stopped serving it; absent when still served. */
  readonly removedIn?: string;
  readonly sameSchema: boolean;
}

type Table = Record<string, Record<string, ApiVersionChange>>;

const ISTIO_NETWORKING_V1 = ['DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'VirtualService', 'WorkloadEntry', 'WorkloadGroup'];

function istio(group: string, oldVersions: string[], kinds: string[], newVersion: string): Table {
  const table: Table = {};
  for (const version of oldVersions) {
    table[`${group}/${version}`] = Object.fromEntries(kinds.map((k) => [k, { replacement: `${group}/${newVersion}`, sameSchema: true }]));
  }
  return table;
}

const kube = (replacement: string, removedIn: string, sameSchema: boolean): ApiVersionChange => ({ replacement, removedIn, sameSchema });

const TABLE: Table = {
  ...istio('networking.istio.io', ['v1alpha3', 'v1beta1'], ISTIO_NETWORKING_V1, 'v1'),
  ...istio('security.istio.io', ['v1beta1'], ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication'], 'v1'),
  ...istio('telemetry.istio.io', ['v1alpha1'], ['Telemetry'], 'v1'),
  'policy.linkerd.io/v1alpha1': {
    Server: { replacement: 'policy.linkerd.io/v1beta3', sameSchema: false },
    ServerAuthorization: { replacement: 'policy.linkerd.io/v1beta1', sameSchema: true },
  },
  'policy.linkerd.io/v1beta1': { Server: { replacement: 'policy.linkerd.io/v1beta3', sameSchema: false } },
  'gateway.networking.k8s.io/v1beta1': {
    Gateway: { replacement: 'gateway.networking.k8s.io/v1', sameSchema: true },
    GatewayClass: { replacement: 'gateway.networking.k8s.io/v1', sameSchema: true },
    HTTPRoute: { replacement: 'gateway.networking.k8s.io/v1', sameSchema: true },
  },
  'extensions/v1beta1': {
    Deployment: kube('apps/v1', '1.16', false),
    DaemonSet: kube('apps/v1', '1.16', false),
    ReplicaSet: kube('apps/v1', '1.16', false),
    NetworkPolicy: kube('networking.k8s.io/v1', '1.16', true),
    PodSecurityPolicy: kube('(none: use Pod Security Admission)', '1.16', false),
    Ingress: kube('networking.k8s.io/v1', '1.22', false),
  },
  'apps/v1beta1': { Deployment: kube('apps/v1', '1.16', false), StatefulSet: kube('apps/v1', '1.16', false) },
  'apps/v1beta2': {
    Deployment: kube('apps/v1', '1.16', false),
    StatefulSet: kube('apps/v1', '1.16', false),
    DaemonSet: kube('apps/v1', '1.16', false),
    ReplicaSet: kube('apps/v1', '1.16', false),
  },
  'networking.k8s.io/v1beta1': { Ingress: kube('networking.k8s.io/v1', '1.22', false), IngressClass: kube('networking.k8s.io/v1', '1.22', true) },
  'policy/v1beta1': { PodDisruptionBudget: kube('policy/v1', '1.25', true), PodSecurityPolicy: kube('(none: use Pod Security Admission)', '1.25', false) },
  'batch/v1beta1': { CronJob: kube('batch/v1', '1.25', true) },
  'autoscaling/v2beta1': { HorizontalPodAutoscaler: kube('autoscaling/v2', '1.25', false) },
  'autoscaling/v2beta2': { HorizontalPodAutoscaler: kube('autoscaling/v2', '1.26', true) },
  'flowcontrol.apiserver.k8s.io/v1beta2': { FlowSchema: kube('flowcontrol.apiserver.k8s.io/v1', '1.29', true), PriorityLevelConfiguration: kube('flowcontrol.apiserver.k8s.io/v1', '1.29', true) },
};

export function apiVersionChange(apiVersion: string, kind: string): ApiVersionChange | undefined {
  return TABLE[apiVersion]?.[kind];
}
