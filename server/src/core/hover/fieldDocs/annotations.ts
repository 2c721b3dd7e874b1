// Our own words for the mesh annotations people set on pod templates, namespaces and
// Services: injection, proxy sizing, traffic capture. `cost: true` marks the ones that size
// the proxy, whose hover also shows the cost line from the cost core.
import type { FieldDoc } from './fieldDoc';

export type AnnotationMesh = 'istio' | 'linkerd' | 'consul';

export interface AnnotationDoc extends FieldDoc {
  readonly mesh: AnnotationMesh;
  /** Where the annotation takes effect. */
  readonly on: string;
  /** It changes the proxy's CPU or memory request/limit. */
  readonly cost?: boolean;
}

export const ANNOTATION_REFERENCE: Readonly<Record<AnnotationMesh, string>> = {
  istio: 'https://istio.io/latest/docs/reference/config/annotations/',
  linkerd: 'https://linkerd.io/2-edge/reference/proxy-configuration/',
  consul: 'https://developer.hashicorp.com/consul/docs/k8s/annotations-and-labels',
};

const POD = 'the pod template (`spec.template.metadata.annotations`)';
const POD_OR_NS = 'the pod template or the namespace';
const QUANTITY_CPU = 'Kubernetes CPU quantity, e.g. `100m` or `0.5` (quoted)';
const QUANTITY_MEM = 'Kubernetes memory quantity, e.g. `128Mi` (quoted)';

function istio(text: string, extra: Partial<AnnotationDoc> = {}): AnnotationDoc {
  return { mesh: 'istio', on: POD, type: 'string', text, ...extra };
}
function linkerd(text: string, extra: Partial<AnnotationDoc> = {}): AnnotationDoc {
  return { mesh: 'linkerd', on: POD_OR_NS, type: 'string', text, ...extra };
}
function consul(text: string, extra: Partial<AnnotationDoc> = {}): AnnotationDoc {
  return { mesh: 'consul', on: POD, type: 'string', text, ...extra };
}

export const ANNOTATION_DOCS: Readonly<Record<string, AnnotationDoc>> = {
  'sidecar.istio.io/inject': istio('Turns Istio sidecar injection on (`"true"`) or off (`"false"`) for this pod, overriding the namespace setting. Istio now prefers the label of the same name; the annotation still works.', { values: ['"true"', '"false"'], default: 'the namespace\'s injection label decides' }),
  'sidecar.istio.io/proxyCPU': istio('The CPU request of the injected istio-proxy container. Every replica reserves it, so it multiplies with the replica count.', { type: QUANTITY_CPU, default: '`100m` (Istio chart default)', cost: true }),
  'sidecar.istio.io/proxyMemory': istio('The memory request of the injected istio-proxy container. A proxy\'s memory grows with the configuration it receives; a Sidecar resource with a narrow egress list keeps it small.', { type: QUANTITY_MEM, default: '`128Mi` (Istio chart default)', cost: true }),
  'sidecar.istio.io/proxyCPULimit': istio('The CPU limit of the istio-proxy container; above it the proxy is throttled, which shows up as added latency.', { type: QUANTITY_CPU, default: '`2000m` (Istio chart default)', cost: true }),
  'sidecar.istio.io/proxyMemoryLimit': istio('The memory limit of the istio-proxy container; above it the proxy is OOM-killed and the pod loses traffic until it restarts.', { type: QUANTITY_MEM, default: '`1024Mi` (Istio chart default)', cost: true }),
  'sidecar.istio.io/proxyImage': istio('A different image for the injected proxy, e.g. a debug build.'),
  'sidecar.istio.io/logLevel': istio('The proxy\'s log level: `trace`, `debug`, `info`, `warning`, `error`, `critical`, `off`.', { default: '`warning`' }),
  'sidecar.istio.io/componentLogLevel': istio('Log levels per Envoy component, e.g. `misc:error,upstream:debug`.'),
  'sidecar.istio.io/agentLogLevel': istio('The log level of the istio-agent (pilot-agent) in the proxy container.'),
  'sidecar.istio.io/rewriteAppHTTPProbers': istio('Rewrite the pod\'s HTTP liveness/readiness probes to go through the proxy\'s agent, so they keep working under strict mTLS.', { default: '`"true"`' }),
  'sidecar.istio.io/interceptionMode': istio('How inbound traffic is captured: `REDIRECT` (iptables NAT, default) or `TPROXY` (keeps the client\'s source address).', { default: '`REDIRECT`' }),
  'sidecar.istio.io/userVolume': istio('Extra volumes (JSON) added to the pod for the proxy.'),
  'sidecar.istio.io/userVolumeMount': istio('Extra volume mounts (JSON) for the proxy container.'),
  'sidecar.istio.io/bootstrapOverride': istio('A ConfigMap with a custom Envoy bootstrap configuration.'),
  'sidecar.istio.io/extraStatTags': istio('Extra metric labels the proxy may emit (comma-separated), for use with Telemetry tag overrides.'),
  'sidecar.istio.io/statsInclusionPrefixes': istio('Extra Envoy statistics to keep, by prefix. More statistics mean more proxy memory and scrape volume; deprecated in favour of `proxy.istio.io/config` `proxyStatsMatcher`.'),
  'sidecar.istio.io/nativeSidecar': istio('Inject the proxy as a Kubernetes native sidecar (an init container that keeps running), so Jobs can finish and start-up order is right.'),
  'sidecar.istio.io/status': istio('Written by the injector to record what it added; do not set it yourself.'),
  'proxy.istio.io/config': istio('Per-pod overrides of the proxy configuration, as YAML or JSON: e.g. `holdApplicationUntilProxyStarts: true`, `concurrency: 2`, `terminationDrainDuration: 30s`. Merged over the mesh-wide defaults.'),
  'traffic.sidecar.istio.io/includeOutboundIPRanges': istio('Only outbound traffic to these CIDR ranges goes through the proxy (comma-separated; `*` = all). Narrowing it lets other traffic bypass the mesh.', { default: '`*`' }),
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': istio('Outbound traffic to these CIDR ranges bypasses the proxy, e.g. a cloud metadata endpoint or a database you reach directly.'),
  'traffic.sidecar.istio.io/includeInboundPorts': istio('Only inbound traffic on these ports goes through the proxy (comma-separated; `*` = all).', { default: 'the container ports' }),
  'traffic.sidecar.istio.io/excludeInboundPorts': istio('Inbound traffic on these ports bypasses the proxy, e.g. a metrics port scraped from outside the mesh.'),
  'traffic.sidecar.istio.io/includeOutboundPorts': istio('Outbound traffic on these ports always goes through the proxy, even to excluded IP ranges.'),
  'traffic.sidecar.istio.io/excludeOutboundPorts': istio('Outbound traffic to these ports bypasses the proxy, e.g. a database that does its own TLS.'),
  'traffic.sidecar.istio.io/excludeInterfaces': istio('Network interfaces whose traffic is not captured.'),
  'traffic.sidecar.istio.io/kubevirtInterfaces': istio('Interfaces of KubeVirt VMs whose traffic is captured.'),
  'networking.istio.io/exportTo': { mesh: 'istio', on: 'a Service', type: 'string', text: 'The namespaces a Kubernetes Service is visible to in the mesh (comma-separated; `.` = own namespace, `*` = all). Narrowing it shrinks other proxies\' configuration.', default: '`*`' },
  'prometheus.istio.io/merge-metrics': istio('Whether the proxy merges the application\'s Prometheus metrics into its own scrape endpoint.', { default: '`"true"`' }),
  'status.sidecar.istio.io/port': istio('The port of the proxy\'s health endpoint; `0` turns it off.', { default: '`15021`' }),
  'readiness.status.sidecar.istio.io/initialDelaySeconds': istio('Delay before the proxy\'s readiness probe starts.'),
  'readiness.status.sidecar.istio.io/periodSeconds': istio('Interval of the proxy\'s readiness probe.'),
  'readiness.status.sidecar.istio.io/failureThreshold': istio('Failed readiness checks before the proxy is marked not ready.'),
  'istio.io/rev': { mesh: 'istio', on: POD_OR_NS, type: 'string', text: 'Which Istio control-plane revision injects and manages the pod (canary upgrades). Normally set as a label.' },
  'ambient.istio.io/redirection': istio('Written by the Istio CNI agent when the pod\'s traffic is redirected to ztunnel (ambient mode); do not set it yourself.'),
  'linkerd.io/inject': linkerd('Turns Linkerd proxy injection on for the pod or for every pod in the namespace: `enabled`, `disabled`, or `ingress` (for ingress controllers).', { values: ['enabled', 'disabled', 'ingress'] }),
  'config.linkerd.io/proxy-cpu-request': linkerd('The CPU request of the linkerd-proxy container; multiplied by the replica count.', { type: QUANTITY_CPU, default: 'the install\'s proxy resources (none by default)', cost: true }),
  'config.linkerd.io/proxy-memory-request': linkerd('The memory request of the linkerd-proxy container.', { type: QUANTITY_MEM, default: 'the install\'s proxy resources (none by default)', cost: true }),
  'config.linkerd.io/proxy-cpu-limit': linkerd('The CPU limit of the linkerd-proxy container; it also sets the proxy\'s worker thread count.', { type: QUANTITY_CPU, cost: true }),
  'config.linkerd.io/proxy-memory-limit': linkerd('The memory limit of the linkerd-proxy container.', { type: QUANTITY_MEM, cost: true }),
  'config.linkerd.io/proxy-log-level': linkerd('The proxy\'s log filter, e.g. `warn,linkerd=info`.'),
  'config.linkerd.io/proxy-image': linkerd('A different proxy image.'),
  'config.linkerd.io/proxy-version': linkerd('The proxy image tag to inject.'),
  'config.linkerd.io/skip-inbound-ports': linkerd('Inbound ports that bypass the proxy (comma-separated, ranges allowed).'),
  'config.linkerd.io/skip-outbound-ports': linkerd('Outbound ports that bypass the proxy, e.g. `25,587` for SMTP or a database port.'),
  'config.linkerd.io/opaque-ports': linkerd('Ports whose traffic is proxied as plain TCP without protocol detection — needed for server-speaks-first protocols (MySQL, SMTP). Set on the pod, namespace or Service.'),
  'config.linkerd.io/default-inbound-policy': linkerd('What inbound traffic is allowed when no Server covers a port: `all-unauthenticated`, `all-authenticated`, `cluster-authenticated`, `cluster-unauthenticated`, `deny`, `audit`.'),
  'config.linkerd.io/proxy-await': linkerd('Hold the application container until the proxy is ready (`enabled`/`disabled`).', { default: '`enabled`' }),
  'config.linkerd.io/shutdown-grace-period': linkerd('How long the proxy waits for connections to close on shutdown.'),
  'config.alpha.linkerd.io/proxy-wait-before-exit-seconds': linkerd('Keep the proxy running this long after the pod is asked to stop, so in-flight requests can finish.'),
  'config.linkerd.io/proxy-outbound-connect-timeout': linkerd('How long the proxy waits to connect to a destination.'),
  'config.linkerd.io/proxy-ephemeral-storage-request': linkerd('The ephemeral storage request of the proxy container.'),
  'config.linkerd.io/proxy-ephemeral-storage-limit': linkerd('The ephemeral storage limit of the proxy container.'),
  'consul.hashicorp.com/connect-inject': consul('Turns Consul sidecar injection on (`"true"`) or off (`"false"`) for the pod, overriding the injector\'s default.', { values: ['"true"', '"false"'] }),
  'consul.hashicorp.com/connect-service': consul('The Consul service name to register the pod as; by default the Kubernetes Service name.'),
  'consul.hashicorp.com/connect-service-port': consul('The application port (name or number) the sidecar forwards inbound traffic to.'),
  'consul.hashicorp.com/connect-service-upstreams': consul('Upstreams reached through explicit local ports, as `service:localPort` pairs (needed without transparent proxy).'),
  'consul.hashicorp.com/transparent-proxy': consul('Redirect all of the pod\'s traffic through the sidecar (`"true"`), or not.'),
  'consul.hashicorp.com/transparent-proxy-exclude-inbound-ports': consul('Inbound ports that bypass the sidecar.'),
  'consul.hashicorp.com/transparent-proxy-exclude-outbound-ports': consul('Outbound ports that bypass the sidecar.'),
  'consul.hashicorp.com/transparent-proxy-exclude-outbound-cidrs': consul('Outbound IP ranges that bypass the sidecar.'),
  'consul.hashicorp.com/sidecar-proxy-cpu-request': consul('The CPU request of the Envoy sidecar; multiplied by the replica count.', { type: QUANTITY_CPU, default: 'the Helm chart\'s sidecarProxy resources', cost: true }),
  'consul.hashicorp.com/sidecar-proxy-cpu-limit': consul('The CPU limit of the Envoy sidecar.', { type: QUANTITY_CPU, cost: true }),
  'consul.hashicorp.com/sidecar-proxy-memory-request': consul('The memory request of the Envoy sidecar.', { type: QUANTITY_MEM, default: 'the Helm chart\'s sidecarProxy resources', cost: true }),
  'consul.hashicorp.com/sidecar-proxy-memory-limit': consul('The memory limit of the Envoy sidecar.', { type: QUANTITY_MEM, cost: true }),
  'consul.hashicorp.com/service-tags': consul('Tags added to the registered Consul service (comma-separated).'),
  'consul.hashicorp.com/enable-metrics': consul('Expose Prometheus metrics from the sidecar.'),
  'consul.hashicorp.com/connect-inject-status': consul('Written by the injector; do not set it yourself.'),
};

/** For names under a known prefix that are not in the table. */
export const ANNOTATION_PREFIXES: readonly (readonly [string, AnnotationMesh, string])[] = [
  ['sidecar.istio.io/', 'istio', 'An Istio sidecar injection annotation, read on the pod template.'],
  ['traffic.sidecar.istio.io/', 'istio', 'An Istio traffic capture annotation, read on the pod template when the sidecar is injected.'],
  ['proxy.istio.io/', 'istio', 'An Istio proxy configuration annotation.'],
  ['istio.io/', 'istio', 'An Istio annotation.'],
  ['networking.istio.io/', 'istio', 'An Istio networking annotation.'],
  ['config.linkerd.io/', 'linkerd', 'A Linkerd proxy configuration annotation, read on the pod template or the namespace.'],
  ['config.alpha.linkerd.io/', 'linkerd', 'An experimental Linkerd proxy configuration annotation.'],
  ['linkerd.io/', 'linkerd', 'A Linkerd annotation.'],
  ['consul.hashicorp.com/service-meta-', 'consul', 'Adds a metadata key/value to the registered Consul service; the key is the rest of the name.'],
  ['consul.hashicorp.com/', 'consul', 'A Consul on Kubernetes annotation, read on the pod template.'],
];
