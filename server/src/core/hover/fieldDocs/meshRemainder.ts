// Our own words for the last gaps in the mesh kinds: VirtualService map entries and regex
// rewrites, the Sidecar's egress proxy, the Linkerd policy kinds' spec blocks, and
// PrometheusRule group options.
import type { FieldDocTable } from './fieldDoc';

const VS = 'VirtualService:spec';
const LP = 'HTTPLocalRateLimitPolicy:spec';

export const ISTIO_ROUTING_REMAINDER: FieldDocTable = {
  name: 'Istio routing (remainder)',
  groups: ['networking.istio.io'],
  aliases: [
    [`${VS}.http[].headers.response.set.*`, `${VS}.http[].headers.request.set.*`],
    [`${VS}.http[].headers.response.add.*`, `${VS}.http[].headers.request.add.*`],
    [`${VS}.tcp[].match[].sourceLabels.*`, `${VS}.http[].match[].sourceLabels.*`],
    [`${VS}.tls[].match[].sourceLabels.*`, `${VS}.http[].match[].sourceLabels.*`],
    ['Sidecar:spec.ingress[].tls.tlsCertificates[]', 'Gateway:spec.servers[].tls.tlsCertificates[]'],
    ['Sidecar:spec.workloadSelector.labels.*', 'WorkloadLabel:'],
  ],
  docs: {
    'DestinationRule:spec.subsets[].labels.*': 'A label and the value the subset\'s endpoints (pods) must carry, e.g. `version: v2`.',
    'DestinationRule:spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[].name': 'An attribute of the generated cookie, e.g. `SameSite` or `Secure`.',
    'DestinationRule:spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[].value': 'The attribute\'s value, e.g. `Strict`; leave it empty for flag attributes such as `Secure`.',
    'DestinationRule:spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[].to.*': 'A destination locality (`region/zone/subzone`, with `*` wildcards) and the percentage of the traffic it gets; the percentages of one entry add up to 100.',
    'StringMatch:': 'One string condition: give exactly one of `exact`, `prefix` or `regex`.',
    [`${VS}.http[].headers.request.set.*`]: 'A header name and the value it is set to.',
    [`${VS}.http[].headers.request.add.*`]: 'A header name and the value appended to it.',
    [`${VS}.http[].match[].sourceLabels.*`]: 'A label the calling workload must carry, with its value.',
    [`${VS}.http[].directResponse.body.string`]: 'The body as plain text.',
    [`${VS}.http[].directResponse.body.bytes`]: 'The body as base64-encoded bytes, for binary content.',
    [`${VS}.http[].rewrite.uriRegexRewrite.match`]: 'The RE2 regular expression applied to the path.',
    [`${VS}.http[].rewrite.uriRegexRewrite.rewrite`]: 'The replacement, where `\\1`, `\\2`… insert capture groups.',
    'Sidecar:spec.outboundTrafficPolicy.egressProxy': 'With `ALLOW_ANY`: send traffic for unknown destinations to this proxy (e.g. an egress gateway) instead of straight out.',
    'Sidecar:spec.outboundTrafficPolicy.egressProxy.host': 'The egress proxy\'s service host name.',
    'Sidecar:spec.outboundTrafficPolicy.egressProxy.subset': 'A DestinationRule subset of the egress proxy.',
    'Sidecar:spec.outboundTrafficPolicy.egressProxy.port': 'The egress proxy\'s port.',
    'Sidecar:spec.outboundTrafficPolicy.egressProxy.port.number': 'The port number.',
  },
};

export const LINKERD_POLICY_REMAINDER: FieldDocTable = {
  name: 'Linkerd policy (remainder)',
  groups: ['policy.linkerd.io'],
  aliases: [
    [`${LP}.overrides[].requestsPerSecond`, `${LP}.total.requestsPerSecond`],
  ],
  docs: {
    'EgressNetwork:spec': 'The outside networks this resource stands for and what happens to traffic to them by default.',
    'EgressNetwork:spec.networks[].cidr': 'An address range in CIDR form, e.g. `0.0.0.0/0` for everything outside the cluster.',
    'NetworkAuthentication:spec': 'The client networks this authentication accepts.',
    'MeshTLSAuthentication:spec': 'The meshed client identities this authentication accepts.',
    'ServerAuthorization:spec': 'The Server being protected and the clients allowed to reach it.',
    'ServerAuthorization:spec.client.meshTLS.serviceAccounts[].name': 'The client\'s service account name.',
    'ServerAuthorization:spec.client.meshTLS.serviceAccounts[].namespace': 'The service account\'s namespace; the authorization\'s own when unset.',
    [LP]: 'The target Server and the request rate limits: overall, per client identity, and overrides for particular clients.',
  },
};

export const PROMETHEUS_REMAINDER: FieldDocTable = {
  name: 'Prometheus rules (remainder)',
  groups: ['monitoring.coreos.com'],
  aliases: [
    ['PrometheusRule:spec.groups[].rules[].labels.*', 'PrometheusRule:spec.groups[].labels.*'],
  ],
  docs: {
    'PrometheusRule:spec': 'The rule groups Prometheus (via the operator) loads from this resource.',
    'PrometheusRule:spec.groups[].labels': 'Labels added to every series and alert produced by the group\'s rules.',
    'PrometheusRule:spec.groups[].labels.*': 'A label name and value attached to the results.',
    'PrometheusRule:spec.groups[].limit': 'The most series a recording rule or alerts an alerting rule may produce; above it the rule\'s evaluation fails. 0 means unlimited.',
    'PrometheusRule:spec.groups[].query_offset': 'How far in the past the group\'s queries are evaluated, to allow late samples to arrive.',
    'PrometheusRule:spec.groups[].partial_response_strategy': 'For Thanos rulers: whether partial query results are acceptable (`warn`) or fail the evaluation (`abort`).',
    'PrometheusRule:spec.groups[].rules[].annotations.*': 'An annotation of the alert, e.g. `summary` or `runbook_url`; may use templates like `{{ $labels.pod }}`.',
  },
};
