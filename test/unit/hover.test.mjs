// Hover (core): our own field docs with the schema's facts and the kind's reference link,
// the plain structural fallback, reference previews from the workspace index, annotation
// hovers with the cost core's line, and a check that none of our text repeats upstream
// CRD descriptions. Positions are marked with `|` in the YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { core, ROOT, service, settingsFrom } from '../support/core.mjs';
import { marked } from '../support/markers.mjs';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const registry = core.createSchemaRegistry({
  loadIndex: () => readJson(join(ROOT, 'schemas', 'index.json')),
  loadSchema: (file) => readJson(join(ROOT, 'schemas', file)),
});
const FIXTURES = join(ROOT, 'test', 'fixtures', 'hover', 'workspace');
const UPSTREAM = join(ROOT, '..', 'shared', 'upstream', 'crds');
const URI = 'file:///ws/under-test.yaml';

/** Every hover text produced in this file, for the upstream-text check at the end. */
const produced = [];

function workspace(text) {
  const settings = settingsFrom({});
  const index = new core.WorkspaceIndex();
  for (const name of readdirSync(FIXTURES).sort()) {
    index.setFile(`file:///ws/${name}`, service.analyze(readFileSync(join(FIXTURES, name), 'utf8'), settings));
  }
  const file = service.analyze(text, settings);
  index.setFile(URI, file);
  return { file, index };
}

/** Hover at the first `|` of `source`; `ranges` are the marked pairs after it. */
function hover(source, options = {}) {
  const { text, offsets, positions } = marked(source);
  const { file, index } = workspace(text);
  const result = core.meshHover(file, offsets[0], { uri: URI, registry, index, ...options });
  if (result) produced.push(result.contents.value);
  return { result, markdown: result?.contents.value, positions, text };
}

function includesAll(markdown, parts) {
  assert.ok(typeof markdown === 'string', 'expected a hover');
  for (const part of parts) assert.ok(markdown.includes(part), `missing ${JSON.stringify(part)} in:\n${markdown}`);
}

const VS_HEAD = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n';
const DR_HEAD = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ratings\n  namespace: shop\nspec:\n  host: ratings\n';

test('field: own words, type, allowed values, default, link; the range is the key', () => {
  const { result, markdown, positions } = hover(`${DR_HEAD}  trafficPolicy:\n    loadBalancer:\n      |simple|: ROUND_ROBIN\n`);
  const doc = core.findFieldDoc('networking.istio.io', 'DestinationRule', 'spec.trafficPolicy.loadBalancer.simple').doc;
  assert.equal(markdown, [
    '**`spec.trafficPolicy.loadBalancer.simple`** · DestinationRule (networking.istio.io/v1)',
    doc.text,
    [
      '- **Type:** string — cannot be set together with `consistentHash`, `backendUtilization`',
      '- **Allowed values:** `UNSPECIFIED`, `LEAST_CONN`, `RANDOM`, `PASSTHROUGH`, `ROUND_ROBIN`, `LEAST_REQUEST`',
      '- **Default:** `LEAST_REQUEST`',
      '- **Required:** no',
    ].join('\n'),
    '[DestinationRule reference](https://istio.io/latest/docs/reference/config/networking/destination-rule/)',
  ].join('\n\n'));
  assert.deepEqual(result.range, { start: positions[0], end: positions[1] });
  assert.equal(result.contents.kind, 'markdown');
});

test('field: a nested list path uses the `[]` key and shows concrete indexes', () => {
  const { markdown } = hover(`${VS_HEAD}  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews}\n  - retries:\n      att|empts: 3\n`);
  includesAll(markdown, [
    '**`spec.http[1].retries.attempts`** · VirtualService',
    core.findFieldDoc('networking.istio.io', 'VirtualService', 'spec.http[].retries.attempts').doc.text,
    '- **Type:** integer',
    '- **Default:** 2',
    'https://istio.io/latest/docs/reference/config/networking/virtual-service/',
  ]);
});

test('field: aliases share docs (a subset\'s trafficPolicy reads the rule-level one)', () => {
  const { markdown } = hover(`${DR_HEAD}  subsets:\n  - name: v1\n    trafficPolicy:\n      outlierDetection:\n        consecutive5x|xErrors: 3\n`);
  includesAll(markdown, ['**`spec.subsets[0].trafficPolicy.outlierDetection.consecutive5xxErrors`**', 'Eject an endpoint after this many 5xx', '- **Default:** 5']);
});

test('field: hovering a value shows the field\'s hover; an enum value lists the others', () => {
  const { markdown, result, positions } = hover(`apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: |STR|ICT\n`);
  includesAll(markdown, ['**`spec.mtls.mode`** · PeerAuthentication', '`STRICT` accepts only mutual TLS', '- **Allowed values:**', '`PERMISSIVE`', 'security/peer_authentication/']);
  assert.deepEqual(result.range.start, positions[0]);
});

test('structural fallback: no description yet, but type, constraints, required and link', () => {
  const { markdown } = hover(`${DR_HEAD}  trafficPolicy:\n    loadBalancer:\n      backendUtilization:\n        errorUtilization|PenaltyPercent: 10\n`);
  assert.equal(core.findFieldDoc('networking.istio.io', 'DestinationRule', 'spec.trafficPolicy.loadBalancer.backendUtilization.errorUtilizationPenaltyPercent'), undefined);
  includesAll(markdown, [
    '**`spec.trafficPolicy.loadBalancer.backendUtilization.errorUtilizationPenaltyPercent`** · DestinationRule',
    core.NO_DESCRIPTION,
    '- **Type:** integer — at least 0',
    '- **Required:** no',
    '[DestinationRule reference](https://istio.io/latest/docs/reference/config/networking/destination-rule/)',
  ]);
});

test('structural fallback: an object lists its fields and marks required ones', () => {
  const { markdown } = hover(`${VS_HEAD}  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n    corsPolicy:\n      allowOrigins:\n      - exact: https://a.example.com\n    directResponse:\n      st|atus: 200\n`);
  includesAll(markdown, ['**`spec.http[0].directResponse.status`**', '- **Required:** yes']);
});

test('a key the schema does not know and we never described gets no hover (the diagnostic speaks)', () => {
  const { result } = hover(`${VS_HEAD}  hosts: [reviews]\n  htt|pp: []\n`);
  assert.equal(result, null);
});

test('kind: the `kind` value shows what the kind is for and its reference page', () => {
  const { markdown } = hover('apiVersion: networking.istio.io/v1\nkind: Side|car\nmetadata:\n  name: default\n');
  includesAll(markdown, ['**Sidecar (networking.istio.io/v1)**', 'egress list limits which services', 'https://istio.io/latest/docs/reference/config/networking/sidecar/']);
});

test('Kubernetes fields: our docs with the schema\'s facts', () => {
  const { markdown } = hover('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  repl|icas: 3\n');
  includesAll(markdown, ['**`spec.replicas`** · Deployment (apps/v1)', 'each replica also runs a proxy', '- **Type:** integer', '- **Default:** 1', 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/']);
  // the schema types `limits` as a map; our docs describe `memory` by name
  const container = hover('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        resources:\n          limits:\n            me|mory: 1Gi\n');
  includesAll(container.markdown, ['**`spec.template.spec.containers[0].resources.limits.memory`**', 'Memory, in bytes']);
});

test('without a schema for the kind, our docs carry their own type, values and default', () => {
  const { markdown } = hover('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ty|pe: ClusterIP\n', { registry: undefined });
  includesAll(markdown, ['**`spec.type`** · Service (v1)', '`ClusterIP` (internal)', '- **Type:** string', '- **Allowed values:** `ClusterIP`, `NodePort`, `LoadBalancer`, `ExternalName`', '- **Default:** `ClusterIP`', 'https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/']);
  const unknown = hover('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  sessionAffi|nity: None\n', { registry: undefined });
  includesAll(unknown.markdown, ['**`spec.sessionAffinity`** · Service (v1)', 'no schema for this kind is bundled']);
});

test('metadata fields link to the Kubernetes object metadata page', () => {
  const { markdown } = hover(`${VS_HEAD.replace('  namespace: shop', '  name|space: shop')}  hosts: [reviews]\n`);
  includesAll(markdown, ['**`metadata.namespace`**', 'Short host names', '[Kubernetes object metadata reference](https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/)']);
});

test('reference: a subset value previews the DestinationRule subset and where it is', () => {
  const { markdown } = hover(`${VS_HEAD}  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: |v2\n`);
  const preview = markdown.split('\n\n---\n\n')[0];
  assert.equal(preview, [
    '**Subset `v2`** of DestinationRule `reviews` in namespace `shop` — [destinationrules.yaml:12](file:///ws/destinationrules.yaml#L12)',
    '- Host: `reviews.shop.svc.cluster.local`',
    '- Labels: `version=v2`, `track=canary`',
    '- Own traffic policy: `connectionPool`',
  ].join('\n'));
  includesAll(markdown.split('\n\n---\n\n')[1], ['**`spec.http[0].route[0].destination.subset`**']);
});

test('reference: a missing subset names the subsets that exist', () => {
  const { markdown } = hover(`${VS_HEAD}  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews.shop.svc.cluster.local\n        subset: |v3\n`);
  includesAll(markdown, ['**Subset `v3`** is not defined for `reviews.shop.svc.cluster.local`', 'subsets `v1`, `v2`', '[destinationrules.yaml:1](file:///ws/destinationrules.yaml#L1)']);
  const none = hover(`${VS_HEAD}  hosts: [ratings]\n  http:\n  - route:\n    - destination:\n        host: ratings\n        subset: |v1\n`);
  includesAll(none.markdown, ['no DestinationRule in the workspace is for `ratings.shop.svc.cluster.local`']);
});

test('reference: a short host resolves in the resource\'s namespace to a Service', () => {
  const { markdown } = hover(`${VS_HEAD}  hosts: [rev|iews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n`);
  assert.equal(markdown.split('\n\n---\n\n')[0], [
    '**Host `reviews`** → `reviews.shop.svc.cluster.local` (short name, completed with namespace `shop`)',
    [
      'Service `reviews` in namespace `shop` — [services.yaml:2](file:///ws/services.yaml#L2)',
      '- Ports: `9080/http`',
      '- Selector: `app=reviews`',
    ].join('\n'),
  ].join('\n\n'));
});

test('reference: full service names and ServiceEntry hosts resolve too', () => {
  const full = hover(`${VS_HEAD}  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: ratings.prod.svc.cl|uster.local\n`);
  includesAll(full.markdown, ['**Host `ratings.prod.svc.cluster.local`**\n\nService `ratings` in namespace `prod`', '`8080/grpc`', '`app=ratings`']);
  const external = hover(`${VS_HEAD}  hosts: [api.payments.example.com]\n  tls:\n  - match:\n    - sniHosts: [api.payments.example.com]\n    route:\n    - destination:\n        host: api.paym|ents.example.com\n`);
  includesAll(external.markdown, ['ServiceEntry `payments-api` in namespace `shop`', '- Ports: `443/TLS`', '`MESH_EXTERNAL` · `DNS`']);
  const missing = hover(`${DR_HEAD.replace('host: ratings', 'host: nowh|ere')}`);
  includesAll(missing.markdown, ['→ `nowhere.shop.svc.cluster.local`', 'No Service or ServiceEntry in the workspace defines this host']);
});

test('reference: a gateways entry previews the Gateway\'s selector and servers', () => {
  const { markdown } = hover(`${VS_HEAD}  hosts: [shop.example.com]\n  gateways:\n  - istio-system/pub|lic-gw\n  - mesh\n  http:\n  - route:\n    - destination: {host: reviews}\n`);
  assert.equal(markdown.split('\n\n---\n\n')[0], [
    '**Gateway `public-gw` in namespace `istio-system`** — [gateways.yaml:1](file:///ws/gateways.yaml#L1)',
    '- Selector: `istio=ingressgateway`',
    '- Server: `443/HTTPS` `shop.example.com` TLS SIMPLE (`shop-cert`)',
    '- Server: `80/HTTP` `shop.example.com`',
  ].join('\n'));
  const mesh = hover(`${VS_HEAD}  hosts: [reviews]\n  gateways:\n  - me|sh\n`);
  includesAll(mesh.markdown, ['**`mesh`** is the reserved name for every sidecar']);
  const missing = hover(`${VS_HEAD}  hosts: [reviews]\n  gateways:\n  - priv|ate-gw\n`);
  includesAll(missing.markdown, ['**Gateway `shop/private-gw`**: not found in the workspace']);
});

test('reference: Gateway API parentRefs preview the Gateway and its listeners', () => {
  const { markdown } = hover('apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: shop\n  namespace: web\nspec:\n  parentRefs:\n  - name: ed|ge\n    namespace: infra\n    sectionName: https\n  rules:\n  - backendRefs:\n    - name: reviews\n      port: 9080\n');
  includesAll(markdown, [
    '**Parent Gateway `edge` in namespace `infra`** — [gateways.yaml:26](file:///ws/gateways.yaml#L26)',
    '- Class: `istio`',
    '- Listeners: `https` `443/HTTPS` `shop.example.com`, `http` `80/HTTP`',
    '**`spec.parentRefs[0].name`** · HTTPRoute',
    'https://gateway-api.sigs.k8s.io/reference/spec/',
  ]);
});

test('reference: a Consul splitter subset previews the ServiceResolver subset', () => {
  const { markdown } = hover('apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceSplitter\nmetadata:\n  name: web\nspec:\n  splits:\n  - weight: 90\n    serviceSubset: v1\n  - weight: 10\n    serviceSubset: v|2\n');
  includesAll(markdown, ['**Subset `v2`** of ServiceResolver `web` in namespace `default`', '- Filter: `Service.Meta.version == v2`', '- Only instances with passing health checks', 'https://developer.hashicorp.com/consul/docs/connect/config-entries/service-splitter']);
});

const DEPLOYMENT = (annotations, where = 'template') => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n${where === 'own' ? `  annotations:\n${annotations}` : ''}spec:\n  replicas: 3\n  template:\n    metadata:\n      labels:\n        app: web\n${where === 'template' ? `      annotations:\n${annotations}` : ''}    spec:\n      containers:\n      - name: app\n        image: web:1\n`;

test('annotation: a proxy resource annotation shows our docs and the cost core\'s line', () => {
  const calls = [];
  const costLine = (uri, offset) => {
    calls.push([uri, offset]);
    return '**Proxy cost** (aws-mumbai) · 3 replicas: ₹1,234.00/month';
  };
  const { markdown, text } = hover(DEPLOYMENT('        sidecar.istio.io/proxy|CPU: "250m"\n'), { costLine });
  includesAll(markdown, [
    '**Annotation `sidecar.istio.io/proxyCPU`**',
    'The CPU request of the injected istio-proxy container',
    '- **Default:** `100m` (Istio chart default)',
    '- **Read from:** the pod template',
    '**Proxy cost** (aws-mumbai) · 3 replicas: ₹1,234.00/month',
    '[Istio annotation reference](https://istio.io/latest/docs/reference/config/annotations/)',
  ]);
  assert.deepEqual(calls, [[URI, text.indexOf('sidecar.istio.io/proxyCPU') + 'sidecar.istio.io/proxy'.length]]);
});

test('annotation: without the cost hook the hover says the cost is not available', () => {
  const { markdown } = hover(DEPLOYMENT('        config.linkerd.io/proxy-memory-request: "6|4Mi"\n'));
  includesAll(markdown, ['**Annotation `config.linkerd.io/proxy-memory-request`**', 'linkerd-proxy', '_Proxy cost: not available here']);
});

test('annotation: on the Deployment\'s own metadata it warns that the mesh reads the pod template', () => {
  const { markdown } = hover(DEPLOYMENT('    sidecar.istio.io/in|ject: "false"\n', 'own'));
  includesAll(markdown, ['**Annotation `sidecar.istio.io/inject`**', '⚠ This is the Deployment\'s own metadata', '- **Allowed values:** "true", "false"']);
});

test('annotation: injection, capture and unknown names under a mesh prefix', () => {
  includesAll(hover('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n    linkerd.io/in|ject: enabled\n').markdown, ['**Annotation `linkerd.io/inject`**', '`ingress`', 'https://linkerd.io/2-edge/reference/proxy-configuration/']);
  includesAll(hover(DEPLOYMENT('        traffic.sidecar.istio.io/excludeOutbound|Ports: "5432"\n')).markdown, ['bypasses the proxy']);
  includesAll(hover(DEPLOYMENT('        consul.hashicorp.com/connect-in|ject: "true"\n')).markdown, ['Consul sidecar injection', 'https://developer.hashicorp.com/consul/docs/k8s/annotations-and-labels']);
  includesAll(hover(DEPLOYMENT('        sidecar.istio.io/some|thingNew: "x"\n')).markdown, ['**Annotation `sidecar.istio.io/somethingNew`**', 'No description written for this annotation yet']);
});

test('replicas: the cost core\'s line is appended for workloads', () => {
  const { markdown } = hover(DEPLOYMENT('        app: web\n').replace('  replicas: 3', '  replicas: |3'), { costLine: () => '**Proxy cost** · ×3' });
  includesAll(markdown, ['**`spec.replicas`**', '---\n\n**Proxy cost** · ×3']);
});

test('nothing under the cursor: comments, blank space and non-resources give null', () => {
  assert.equal(hover('# a com|ment\napiVersion: v1\nkind: ConfigMap\n').result, null);
  assert.equal(hover('just: |text\n').result, null);
});

// ---- coverage of the docs themselves -------------------------------------------------------

/** Follows a doc path (`a.b[].c.*`) through a generated schema. */
function schemaHasPath(schema, path) {
  const defs = schema.definitions ?? {};
  const deref = (n) => {
    for (let i = 0; n && n.$ref && i < 16; i++) n = defs[n.$ref.slice('#/definitions/'.length)];
    return n;
  };
  let node = deref(schema);
  for (const raw of path === '' ? [] : path.split('.')) {
    const list = raw.endsWith('[]');
    const name = list ? raw.slice(0, -2) : raw;
    if (name === '*') node = deref(node?.additionalProperties);
    else node = deref(node?.properties?.[name]);
    if (list) node = deref(node?.items);
    if (!node) return false;
  }
  return true;
}

test('every doc key of a kind with a bundled schema names a path the schema knows', () => {
  const problems = [];
  for (const table of core.FIELD_DOC_TABLES) {
    for (const key of Object.keys(table.docs)) {
      const [kind, path] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      if (path.startsWith('metadata') || path === '') continue;
      const groups = table.groups.filter((g) => g !== '*' && registry.isKnownKind(`${g}/v1`, kind));
      if (groups.length === 0) continue;
      const versions = groups.flatMap((g) => registry.servedVersions(`${g}/v1`, kind));
      const known = versions.some((v) => schemaHasPath(registry.compiled(v, kind).schema, path));
      if (!known) problems.push(`${table.name}: ${key}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('docs coverage: the kinds people touch have a summary and their common fields', () => {
  const expect = {
    'networking.istio.io': { VirtualService: 60, DestinationRule: 50, Gateway: 8, ServiceEntry: 8, Sidecar: 10 },
    'security.istio.io': { AuthorizationPolicy: 30, PeerAuthentication: 4, RequestAuthentication: 12 },
    'telemetry.istio.io': { Telemetry: 20 },
    'policy.linkerd.io': { Server: 4, AuthorizationPolicy: 3, MeshTLSAuthentication: 2 },
    'gateway.networking.k8s.io': { HTTPRoute: 20, Gateway: 10 },
    'consul.hashicorp.com': { ServiceDefaults: 15, ServiceResolver: 15, ServiceSplitter: 5, ServiceRouter: 10, ServiceIntentions: 10 },
    apps: { Deployment: 5 },
    '': { Service: 5 },
  };
  const counts = {};
  for (const table of core.FIELD_DOC_TABLES) {
    for (const key of Object.keys(table.docs)) {
      const kind = key.slice(0, key.indexOf(':'));
      for (const group of table.groups) (counts[`${group}|${kind}`] ??= new Set()).add(key);
    }
  }
  for (const [group, kinds] of Object.entries(expect)) {
    for (const [kind, min] of Object.entries(kinds)) {
      assert.ok(core.findFieldDoc(group, kind, ''), `${group} ${kind} has no summary`);
      const n = counts[`${group}|${kind}`]?.size ?? 0;
      assert.ok(n >= min, `${group} ${kind}: ${n} docs, expected at least ${min}`);
    }
  }
  for (const name of ['sidecar.istio.io/proxyCPU', 'sidecar.istio.io/proxyMemory', 'sidecar.istio.io/proxyCPULimit', 'sidecar.istio.io/proxyMemoryLimit', 'sidecar.istio.io/inject', 'proxy.istio.io/config', 'config.linkerd.io/proxy-cpu-request', 'linkerd.io/inject', 'consul.hashicorp.com/connect-inject', 'consul.hashicorp.com/sidecar-proxy-cpu-request']) {
    assert.ok(core.ANNOTATION_DOCS[name], `no doc for ${name}`);
  }
  assert.ok(Object.keys(core.ANNOTATION_DOCS).some((n) => n.startsWith('traffic.sidecar.istio.io/')));
});

// ---- our words, not upstream's -------------------------------------------------------------

const RUN = 12;
const words = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);

function upstreamDescriptions() {
  const out = [];
  const collect = (node) => {
    if (Array.isArray(node)) for (const x of node) collect(x);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'description' && typeof v === 'string') out.push(v);
        else collect(v);
      }
    }
  };
  // linkerd/raw/ are Helm templates that do not parse; clean/ holds the same schemas
  for (const dir of ['istio', 'linkerd/clean', 'consul', 'gateway-api', 'prometheus-operator', 'kubernetes']) {
    const folder = join(UPSTREAM, dir);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      const text = readFileSync(join(folder, name), 'utf8');
      if (name.endsWith('.json')) collect(JSON.parse(text));
      else if (/\.ya?ml$/.test(name)) for (const doc of parseAllDocuments(text)) collect(doc.toJS({ maxAliasCount: -1 }));
    }
  }
  return out;
}

test('no hover text equals or contains 12+ consecutive words of an upstream description', { skip: !existsSync(UPSTREAM) && `upstream CRDs not found at ${UPSTREAM}` }, () => {
  const ours = [
    ...core.fieldDocEntries().map((e) => ({ where: `${e.table} ${e.key}`, text: e.text })),
    ...produced.map((text, i) => ({ where: `hover #${i}`, text })),
  ];
  assert.ok(ours.length > 500, `only ${ours.length} texts to check`);
  const runs = new Map();
  const whole = new Map();
  for (const { where, text } of ours) {
    const w = words(text);
    whole.set(w.join(' '), where);
    for (let i = 0; i + RUN <= w.length; i++) runs.set(w.slice(i, i + RUN).join(' '), where);
  }
  const descriptions = upstreamDescriptions();
  assert.ok(descriptions.length > 1000, `only ${descriptions.length} upstream descriptions found`);
  const found = [];
  for (const description of descriptions) {
    const w = words(description);
    if (whole.has(w.join(' '))) found.push(`${whole.get(w.join(' '))} equals "${description}"`);
    for (let i = 0; i + RUN <= w.length; i++) {
      const run = w.slice(i, i + RUN).join(' ');
      if (runs.has(run)) found.push(`${runs.get(run)} repeats "${run}"`);
    }
  }
  assert.deepEqual(found, []);
});
