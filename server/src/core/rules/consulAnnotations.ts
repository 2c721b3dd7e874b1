// consul-k8s annotations and labels, from its constants (control-plane/connect-inject
// constants) and the Consul on Kubernetes annotation reference. The connect injector reads
// its annotations from the Pod only — a pod template, never a Deployment's own metadata or
// the namespace; catalog sync reads its own set from Services. Two keys double as
// namespace labels that set the default for every pod in the namespace.
import type { MeshKey, Place } from './meshAnnotationTypes';
import {
  bool, cidrs, consulUpstreams, cpuQuantity, memoryQuantity, nonNegativeInteger, path, port, portOrName, ports, wholeNumbers, type ValueCheck,
} from './meshAnnotationValues';

const pod = (value?: ValueCheck): MeshKey => ({ mesh: 'Consul', annotationOn: ['Pod'], value });
const service = (value?: ValueCheck): MeshKey => ({ mesh: 'Consul', annotationOn: ['Service'], value });
const SET_BY_CONSUL: MeshKey = { mesh: 'Consul', annotationOn: [], setByMesh: true };
const POD_AND_SERVICE: readonly Place[] = ['Pod', 'Service'];

/** A comma-separated list of port numbers or names (multi-port pods list one per service). */
const portsOrNames: ValueCheck = (v) => {
  for (const item of v.split(',')) {
    const problem = portOrName(item.trim());
    if (problem) return problem;
  }
  return undefined;
};

export const CONSUL_KEYS: ReadonlyMap<string, MeshKey> = new Map<string, MeshKey>([
  ['consul.hashicorp.com/connect-inject', pod(bool)],
  ['consul.hashicorp.com/connect-service', pod()],
  ['consul.hashicorp.com/connect-service-port', pod(portsOrNames)],
  ['consul.hashicorp.com/connect-service-upstreams', pod(consulUpstreams)],
  ['consul.hashicorp.com/connect-inject-mount-volume', pod()],
  ['consul.hashicorp.com/kubernetes-service', pod()],
  ['consul.hashicorp.com/consul-namespace', pod()],
  ['consul.hashicorp.com/transparent-proxy', { mesh: 'Consul', annotationOn: ['Pod'], labelOn: ['Namespace'], value: bool }],
  ['consul.hashicorp.com/consul-dns', { mesh: 'Consul', annotationOn: ['Pod'], labelOn: ['Namespace'], value: bool }],
  ['consul.hashicorp.com/transparent-proxy-overwrite-probes', pod(bool)],
  ['consul.hashicorp.com/transparent-proxy-exclude-inbound-ports', pod(ports)],
  ['consul.hashicorp.com/transparent-proxy-exclude-outbound-ports', pod(ports)],
  ['consul.hashicorp.com/transparent-proxy-exclude-outbound-cidrs', pod(cidrs)],
  ['consul.hashicorp.com/transparent-proxy-exclude-uids', pod(wholeNumbers)],
  ['consul.hashicorp.com/sidecar-proxy-cpu-request', pod(cpuQuantity)],
  ['consul.hashicorp.com/sidecar-proxy-cpu-limit', pod(cpuQuantity)],
  ['consul.hashicorp.com/sidecar-proxy-memory-request', pod(memoryQuantity)],
  ['consul.hashicorp.com/sidecar-proxy-memory-limit', pod(memoryQuantity)],
  ['consul.hashicorp.com/consul-envoy-proxy-concurrency', pod(nonNegativeInteger)],
  ['consul.hashicorp.com/envoy-extra-args', pod()],
  ['consul.hashicorp.com/consul-sidecar-user-volume', pod()],
  ['consul.hashicorp.com/consul-sidecar-user-volume-mount', pod()],
  ['consul.hashicorp.com/enable-sidecar-proxy-lifecycle', pod(bool)],
  ['consul.hashicorp.com/enable-sidecar-proxy-lifecycle-shutdown-drain-listeners', pod(bool)],
  ['consul.hashicorp.com/sidecar-proxy-lifecycle-shutdown-grace-period-seconds', pod(nonNegativeInteger)],
  ['consul.hashicorp.com/sidecar-proxy-lifecycle-startup-grace-period-seconds', pod(nonNegativeInteger)],
  ['consul.hashicorp.com/sidecar-proxy-lifecycle-graceful-port', pod(port)],
  ['consul.hashicorp.com/sidecar-proxy-lifecycle-graceful-shutdown-path', pod(path)],
  ['consul.hashicorp.com/sidecar-proxy-lifecycle-graceful-startup-path', pod(path)],
  ['consul.hashicorp.com/sidecar-proxy-startup-failure-seconds', pod(nonNegativeInteger)],
  ['consul.hashicorp.com/sidecar-proxy-liveness-failure-seconds', pod(nonNegativeInteger)],
  ['consul.hashicorp.com/use-proxy-health-check', pod(bool)],
  ['consul.hashicorp.com/enable-metrics', pod(bool)],
  ['consul.hashicorp.com/enable-metrics-merging', pod(bool)],
  ['consul.hashicorp.com/merged-metrics-port', pod(port)],
  ['consul.hashicorp.com/prometheus-scrape-port', pod(port)],
  ['consul.hashicorp.com/prometheus-scrape-path', pod(path)],
  ['consul.hashicorp.com/service-metrics-port', pod(port)],
  ['consul.hashicorp.com/service-metrics-path', pod(path)],
  ['consul.hashicorp.com/prometheus-ca-file', pod()],
  ['consul.hashicorp.com/prometheus-ca-path', pod()],
  ['consul.hashicorp.com/prometheus-cert-file', pod()],
  ['consul.hashicorp.com/prometheus-key-file', pod()],
  // gateways deployed by the Helm chart
  ['consul.hashicorp.com/gateway-kind', pod()],
  ['consul.hashicorp.com/gateway-consul-service-name', pod()],
  ['consul.hashicorp.com/gateway-namespace', pod()],
  ['consul.hashicorp.com/gateway-wan-address-source', pod()],
  ['consul.hashicorp.com/gateway-wan-address-static', pod()],
  ['consul.hashicorp.com/gateway-wan-port', pod(port)],
  ['consul.hashicorp.com/mesh-gateway-container-port', pod(port)],
  // registration details read from pods (connect) and from Services (catalog sync)
  ['consul.hashicorp.com/service-tags', { mesh: 'Consul', annotationOn: POD_AND_SERVICE }],
  ['consul.hashicorp.com/service-sync', service(bool)],
  ['consul.hashicorp.com/service-name', service()],
  ['consul.hashicorp.com/service-port', service(portOrName)],
  ['consul.hashicorp.com/service-weight', service(nonNegativeInteger)],
  ['consul.hashicorp.com/service-ignore', { mesh: 'Consul', annotationOn: [], labelOn: ['Service'], value: bool }],
  ['consul.hashicorp.com/migrate-entry', { mesh: 'Consul', annotationOn: ['ConfigEntry'], value: bool }],
  ['consul.hashicorp.com/peering-token', { mesh: 'Consul', annotationOn: [], labelOn: ['Secret'], value: bool }],
  // written by consul-k8s on the objects it manages
  ['consul.hashicorp.com/connect-inject-status', SET_BY_CONSUL],
  ['consul.hashicorp.com/connect-inject-managed-by', SET_BY_CONSUL],
  ['consul.hashicorp.com/transparent-proxy-status', SET_BY_CONSUL],
  ['consul.hashicorp.com/redirect-traffic-config', SET_BY_CONSUL],
  ['consul.hashicorp.com/original-pod', SET_BY_CONSUL],
  ['consul.hashicorp.com/connect-k8s-version', SET_BY_CONSUL],
  ['consul.hashicorp.com/consul-k8s-version', SET_BY_CONSUL],
  ['consul.hashicorp.com/peering-version', SET_BY_CONSUL],
]);

/** `service-meta-<key>`: one annotation per metadata key, on pods and synced Services. */
export const CONSUL_META_PREFIX = 'consul.hashicorp.com/service-meta-';
export const CONSUL_META: MeshKey = { mesh: 'Consul', annotationOn: POD_AND_SERVICE };

export const CONSUL_PREFIXES = ['consul.hashicorp.com'];
