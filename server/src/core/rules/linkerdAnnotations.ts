// Linkerd's annotations and labels, from its proxy-configuration reference, the injector's
// constants (pkg/k8s/labels.go) and the policy controller (retry, timeout and
// failure-accrual annotations, Linkerd 2.16+). The proxy injector reads proxy settings
// from the pod and then from its namespace, never from a Deployment's own metadata; the
// policy controller reads routing settings from Services and routes.
import type { MeshKey, Place } from './meshAnnotationTypes';
import {
  bool, cidrs, cpuQuantity, decimal, goDuration, grpcRetryConditions, httpRetryConditions, linkerdDuration,
  linkerdOpaquePorts, linkerdPorts, memoryQuantity, nonNegativeInteger, oneOf, port, type ValueCheck,
} from './meshAnnotationValues';

const PROXY: readonly Place[] = ['Pod', 'Namespace'];
const ROUTING: readonly Place[] = ['Service', 'Route'];

const proxy = (value?: ValueCheck): MeshKey => ({ mesh: 'Linkerd', annotationOn: PROXY, value });
const routing = (value?: ValueCheck, on: readonly Place[] = ROUTING): MeshKey => ({ mesh: 'Linkerd', annotationOn: on, value });
const SET_BY_LINKERD: MeshKey = { mesh: 'Linkerd', annotationOn: [], setByMesh: true };

const pullPolicy = oneOf(['Always', 'IfNotPresent', 'Never']);
const enabledDisabled = oneOf(['enabled', 'disabled'], { true: 'enabled', false: 'disabled', yes: 'enabled', no: 'disabled' });

export const LINKERD_KEYS: ReadonlyMap<string, MeshKey> = new Map<string, MeshKey>([
  ['linkerd.io/inject', proxy(oneOf(['enabled', 'disabled', 'ingress'], { true: 'enabled', yes: 'enabled', on: 'enabled', enable: 'enabled', false: 'disabled', no: 'disabled', off: 'disabled', disable: 'disabled' }))],
  // written by Linkerd on the objects it manages
  ['linkerd.io/created-by', SET_BY_LINKERD],
  ['linkerd.io/proxy-version', SET_BY_LINKERD],
  ['linkerd.io/identity-mode', SET_BY_LINKERD],
  ['linkerd.io/trust-root-sha256', SET_BY_LINKERD],
  ['linkerd.io/identity-issuer-expiry', SET_BY_LINKERD],
  ['linkerd.io/control-plane-ns', SET_BY_LINKERD],
  ['linkerd.io/control-plane-component', SET_BY_LINKERD],
  ['linkerd.io/is-control-plane', SET_BY_LINKERD],
  ['linkerd.io/extension', SET_BY_LINKERD],
  ['linkerd.io/workload-ns', SET_BY_LINKERD],
  ['linkerd.io/proxy-deployment', SET_BY_LINKERD],
  ['linkerd.io/proxy-replicaset', SET_BY_LINKERD],
  ['linkerd.io/proxy-replicationcontroller', SET_BY_LINKERD],
  ['linkerd.io/proxy-statefulset', SET_BY_LINKERD],
  ['linkerd.io/proxy-daemonset', SET_BY_LINKERD],
  ['linkerd.io/proxy-job', SET_BY_LINKERD],
  ['linkerd.io/proxy-cronjob', SET_BY_LINKERD],
  // proxy configuration (pod template or namespace)
  ['config.linkerd.io/access-log', proxy(oneOf(['apache', 'json']))],
  ['config.linkerd.io/admin-port', proxy(port)],
  ['config.linkerd.io/close-wait-timeout', proxy(goDuration)],
  ['config.linkerd.io/control-port', proxy(port)],
  ['config.linkerd.io/debug-image', proxy()],
  ['config.linkerd.io/debug-image-pull-policy', proxy(pullPolicy)],
  ['config.linkerd.io/debug-image-version', proxy()],
  ['config.linkerd.io/default-inbound-policy', proxy(oneOf(['all-unauthenticated', 'all-authenticated', 'cluster-unauthenticated', 'cluster-authenticated', 'deny', 'audit']))],
  ['config.linkerd.io/disable-identity', proxy(bool)],
  ['config.linkerd.io/enable-debug-sidecar', proxy(bool)],
  ['config.linkerd.io/enable-external-profiles', proxy(bool)],
  ['config.linkerd.io/enable-gateway', proxy(bool)],
  ['config.linkerd.io/image-pull-policy', proxy(pullPolicy)],
  ['config.linkerd.io/inbound-port', proxy(port)],
  ['config.linkerd.io/init-image', proxy()],
  ['config.linkerd.io/init-image-version', proxy()],
  ['config.linkerd.io/opaque-ports', { mesh: 'Linkerd', annotationOn: ['Pod', 'Namespace', 'Service'], value: linkerdOpaquePorts }],
  ['config.linkerd.io/outbound-port', proxy(port)],
  ['config.linkerd.io/pod-inbound-ports', proxy(linkerdPorts)],
  ['config.linkerd.io/proxy-await', proxy(enabledDisabled)],
  ['config.linkerd.io/proxy-cpu-limit', proxy(cpuQuantity)],
  ['config.linkerd.io/proxy-cpu-ratio-limit', proxy(decimal)],
  ['config.linkerd.io/proxy-cpu-request', proxy(cpuQuantity)],
  ['config.linkerd.io/proxy-disable-inbound-protocol-detect-timeout', proxy(bool)],
  ['config.linkerd.io/proxy-disable-outbound-protocol-detect-timeout', proxy(bool)],
  ['config.linkerd.io/proxy-enable-native-sidecar', proxy(bool)],
  ['config.linkerd.io/proxy-ephemeral-storage-limit', proxy(memoryQuantity)],
  ['config.linkerd.io/proxy-ephemeral-storage-request', proxy(memoryQuantity)],
  ['config.linkerd.io/proxy-gid', proxy(nonNegativeInteger)],
  ['config.linkerd.io/proxy-image', proxy()],
  ['config.linkerd.io/proxy-inbound-connect-timeout', proxy(goDuration)],
  ['config.linkerd.io/proxy-inbound-discovery-cache-unused-timeout', proxy(goDuration)],
  ['config.linkerd.io/proxy-log-format', proxy(oneOf(['plain', 'json']))],
  ['config.linkerd.io/proxy-log-level', proxy()],
  ['config.linkerd.io/proxy-memory-limit', proxy(memoryQuantity)],
  ['config.linkerd.io/proxy-memory-request', proxy(memoryQuantity)],
  ['config.linkerd.io/proxy-outbound-connect-timeout', proxy(goDuration)],
  ['config.linkerd.io/proxy-outbound-discovery-cache-unused-timeout', proxy(goDuration)],
  ['config.linkerd.io/proxy-require-identity-inbound-ports', proxy(linkerdPorts)],
  ['config.linkerd.io/proxy-uid', proxy(nonNegativeInteger)],
  ['config.linkerd.io/proxy-version', proxy()],
  ['config.linkerd.io/shutdown-grace-period', proxy(goDuration)],
  ['config.linkerd.io/skip-inbound-ports', proxy(linkerdPorts)],
  ['config.linkerd.io/skip-outbound-ports', proxy(linkerdPorts)],
  ['config.linkerd.io/skip-subnets', proxy(cidrs)],
  ['config.linkerd.io/trace-collector', proxy()],
  ['config.alpha.linkerd.io/proxy-enable-native-sidecar', proxy(bool)],
  ['config.alpha.linkerd.io/proxy-wait-before-exit-seconds', proxy(nonNegativeInteger)],
  ['config.alpha.linkerd.io/trace-collector-service-account', proxy()],
  ['config.beta.linkerd.io/proxy-enable-native-sidecar', proxy(bool)],
  // a namespace label that turns Linkerd's admission webhooks off for that namespace
  ['config.linkerd.io/admission-webhooks', { mesh: 'Linkerd', annotationOn: [], labelOn: ['Namespace'], value: oneOf(['disabled', 'enabled']) }],
  // routing policy read by the policy controller
  ['retry.linkerd.io/http', routing(httpRetryConditions)],
  ['retry.linkerd.io/grpc', routing(grpcRetryConditions)],
  ['retry.linkerd.io/limit', routing(nonNegativeInteger)],
  ['retry.linkerd.io/timeout', routing(linkerdDuration)],
  ['timeout.linkerd.io/request', routing(linkerdDuration)],
  ['timeout.linkerd.io/response', routing(linkerdDuration)],
  ['timeout.linkerd.io/idle', routing(linkerdDuration)],
  ['balancer.linkerd.io/failure-accrual', routing(oneOf(['consecutive']), ['Service'])],
  ['balancer.linkerd.io/failure-accrual-consecutive-max-failures', routing(nonNegativeInteger, ['Service'])],
  ['balancer.linkerd.io/failure-accrual-consecutive-min-penalty', routing(linkerdDuration, ['Service'])],
  ['balancer.linkerd.io/failure-accrual-consecutive-max-penalty', routing(linkerdDuration, ['Service'])],
  ['balancer.linkerd.io/failure-accrual-consecutive-jitter-ratio', routing(decimal, ['Service'])],
]);

export const LINKERD_PREFIXES = ['linkerd.io', 'config.linkerd.io', 'config.alpha.linkerd.io', 'config.beta.linkerd.io', 'retry.linkerd.io', 'timeout.linkerd.io', 'balancer.linkerd.io'];
