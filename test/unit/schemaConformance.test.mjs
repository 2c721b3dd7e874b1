// Conformance against upstream Istio data, read in place from ../shared/upstream (never copied):
// (a) upstream's valid examples and analyzer inputs get no schema finding (exceptions listed);
// (b) upstream's invalid examples are rejected where a schema can tell (the count is printed);
// (c) an invented field at several depths of every kind and served version is one MM200, at the key;
// (d) schemas/ holds no upstream prose, matches the generator's output, and compiles.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const UPSTREAM = join(ROOT, '../shared/upstream');
const ANALYZERS = join(UPSTREAM, 'istio-analyzers');
const SCHEMAS = join(ROOT, 'schemas');
const core = require(join(ROOT, 'dist/core.js'));
const YAML = require('yaml');
const Ajv = require('ajv').default;
const generator = await import(pathToFileURL(join(ROOT, 'scripts/generateSchemas.mjs')).href);

const SKIP = '…/shared/upstream not found: conformance skipped';
const haveUpstream = existsSync(UPSTREAM);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const index = readJson(join(SCHEMAS, 'index.json'));
const registry = core.createSchemaRegistry({
  loadIndex: () => index,
  loadSchema: (file) => readJson(join(SCHEMAS, file)),
});

function validateDoc(doc) {
  const value = doc.toJS();
  return core.validateResource({ apiVersion: value.apiVersion, kind: value.kind, value }, core.createLocator(doc.contents, 0), registry);
}

/** Resource documents of kinds we have schemas for, with a readable id. */
function knownDocs(file, { dropErr = false } = {}) {
  const out = [];
  for (const doc of YAML.parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length || !YAML.isMap(doc.contents)) continue;
    if (dropErr) doc.delete('_err');
    const v = doc.toJS();
    if (typeof v.apiVersion !== 'string' || typeof v.kind !== 'string' || !registry.isKnownKind(v.apiVersion, v.kind)) continue;
    out.push({ id: `${relative(ANALYZERS, file)} ${v.kind}/${v.metadata?.name}`, doc });
  }
  return out;
}

function yamlFiles(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
}

// Analyzer inputs that never went through an API server, so they hold mistakes Kubernetes
// would reject; the analyzers under test look at other things.
const VALID_EXCEPTIONS = {
  'validation-testdata/serviceentry-valid.yaml ServiceEntry/full':
    'YAML 1.2 reads `001:db8::]` in a flow list as a one-key mapping; go-yaml (YAML 1.1) reads a string',
  'testdata/condition-analyzer.yaml ServiceEntry/negative-condition-svcEntry':
    'status-only ServiceEntry: no spec (required), and an upper-case name (not a DNS name)',
  'testdata/conflicting-gateways-invalid-port.yaml Gateway/alpha': 'servers[0] has no port (required)',
  'testdata/conflicting-gateways-invalid-port.yaml Gateway/beta': 'servers[0] has no port (required)',
  'testdata/deprecation.yaml EnvoyFilter/istio-multicluster-egressgateway':
    'uses workloadLabels and filters, removed from the CRD (the deprecation analyzer is tested)',
  'testdata/envoy-filter-add-operation.yaml EnvoyFilter/test-auth-4': 'stray `app` key under configPatches[0].match',
  'testdata/envoy-filter-add-operation.yaml EnvoyFilter/test-auth-5': 'stray `app` key under configPatches[0].match',
  'testdata/gateway-secrets.yaml Gateway/defaultgateway-bogusCredentialName': 'upper-case letters in metadata.name',
  'testdata/virtualservice_destinationhosts.yaml VirtualService/reviews-bogushost':
    'route `- {}` has no destination (required), on purpose',
  // Kubernetes kinds (schemas since issue 4): what the API server would refuse as well
  'testdata/sidecar-default-selector.yaml Pod/random-pod': 'containers[0] has no name (required)',
  'testdata/virtualservice_destinationhosts.yaml Service/reviews-2port': 'port protocol HTTP/HTTPS: Kubernetes takes TCP, UDP or SCTP',
  'testdata/virtualservice_route_rule_no_effects_ingress.yaml Service/ratings': 'port protocol HTTP: Kubernetes takes TCP, UDP or SCTP',
};

test('(a) upstream valid examples and analyzer inputs get no schema finding', (t) => {
  if (!haveUpstream) return t.skip(SKIP);
  const files = [
    ...yamlFiles(join(ANALYZERS, 'validation-testdata')).filter((f) => f.endsWith('-valid.yaml')),
    ...yamlFiles(join(ANALYZERS, 'testdata')),
  ];
  const flagged = {};
  let checked = 0;
  for (const file of files) {
    for (const { id, doc } of knownDocs(file)) {
      checked++;
      const findings = validateDoc(doc);
      if (findings.length) flagged[id] = findings.map((f) => `${f.code} ${f.message}`);
    }
  }
  t.diagnostic(`${checked} documents of known kinds checked, ${Object.keys(flagged).length} listed exceptions`);
  const unexpected = Object.fromEntries(Object.entries(flagged).filter(([id]) => !(id in VALID_EXCEPTIONS)));
  assert.deepStrictEqual(unexpected, {}, 'findings on documents upstream treats as valid');
  const stale = Object.keys(VALID_EXCEPTIONS).filter((id) => !(id in flagged));
  assert.deepStrictEqual(stale, [], 'exceptions that no longer get a finding: remove them');
});

// What each document we do not reject needs: all are CEL rules (x-kubernetes-validations),
// which the generator drops (except durations), or list-map keys, which it drops too.
const NOT_CAUGHT = {
  'authz-invalid.yaml service-account-and-namespace': 'CEL: serviceAccounts excludes namespaces/principals',
  'authz-invalid.yaml service-account-and-namespace-principal': 'CEL: serviceAccounts excludes namespaces/principals',
  'envoyfilter-invalid.yaml waypoint-wrong-context': 'CEL: waypoint match only with context WAYPOINT',
  'envoyfilter-invalid.yaml waypoint-wrong-match': 'CEL: context WAYPOINT needs waypoint match',
  'envoyfilter-invalid.yaml waypoint-wrong-port': 'CEL: 0 < port <= 65535',
  'peerauth-invalid.yaml bad-port': 'CEL: portLevelMtls keys are port numbers',
  'peerauth-invalid.yaml port-level-global': 'CEL: portLevelMtls needs selector.matchLabels',
  'peerauth-invalid.yaml zero-port': 'CEL: portLevelMtls keys in 1..65535',
  'peerauth-invalid.yaml high-port': 'CEL: portLevelMtls keys in 1..65535',
  'reqauth-invalid.yaml multi-refs': 'CEL: at most one of selector, targetRef, targetRefs',
  'reqauth-invalid.yaml ref-and-selector': 'CEL: at most one of selector, targetRef, targetRefs',
  'reqauth-invalid.yaml bad-target-namespace': 'CEL: targetRef.namespace must be empty',
  'reqauth-invalid.yaml invalid-jwks': 'CEL: jwksUri scheme http/https',
  'serviceentry-invalid.yaml bad-selector-value': 'CEL: no `*` in workloadSelector labels',
  'serviceentry-invalid.yaml selector-and-endpoints': 'CEL: at most one of workloadSelector, endpoints',
  'serviceentry-invalid.yaml bad-host-wildcard': 'CEL: host is not `*`',
  'serviceentry-invalid.yaml bad-cidr-resolution': 'CEL: CIDR addresses only with NONE/STATIC',
  'serviceentry-invalid.yaml duplicate-ports-name': 'list-map key `name` (x-kubernetes-list-map-keys)',
  'serviceentry-invalid.yaml duplicate-ports-number': 'CEL: port numbers unique',
  'serviceentry-invalid.yaml bad-port': 'CEL: 0 < port <= 65535',
  'serviceentry-invalid.yaml bad-port-target': 'CEL: 0 < targetPort <= 65535',
  'serviceentry-invalid.yaml none-with-endpoints': 'CEL: resolution NONE has no endpoints',
  'serviceentry-invalid.yaml dns-rr-with-multiple-endpoints': 'CEL: DNS_ROUND_ROBIN has at most one endpoint',
  'telemetry-invalid.yaml bad-tag-upsert': 'CEL: UPSERT needs a value',
  'telemetry-invalid.yaml bad-tag-remove': 'CEL: REMOVE takes no value',
};

test('(b) upstream invalid examples are rejected where a schema can tell', (t) => {
  if (!haveUpstream) return t.skip(SKIP);
  const dir = join(ANALYZERS, 'validation-testdata');
  let total = 0;
  let rejected = 0;
  const missed = [];
  const caughtAnyway = [];
  for (const file of yamlFiles(dir).filter((f) => f.endsWith('-invalid.yaml'))) {
    for (const { doc } of knownDocs(file, { dropErr: true })) {
      total++;
      const id = `${relative(dir, file)} ${doc.toJS().metadata?.name}`;
      if (validateDoc(doc).length) {
        rejected++;
        if (id in NOT_CAUGHT) caughtAnyway.push(id);
      } else if (!(id in NOT_CAUGHT)) missed.push(id);
    }
  }
  t.diagnostic(`rejected ${rejected} of ${total} invalid documents (${Object.keys(NOT_CAUGHT).length} need CEL or list-map keys)`);
  if (caughtAnyway.length) t.diagnostic(`now caught, remove from NOT_CAUGHT: ${caughtAnyway.join(', ')}`);
  assert.equal(total, 50, 'upstream has 50 invalid documents');
  assert.deepStrictEqual(missed, [], 'invalid documents a schema should reject');
});

// ---- (c) invented fields ----------------------------------------------------------------

function deref(root, node) {
  while (node && node.$ref) node = root.definitions[node.$ref.slice('#/definitions/'.length)];
  return node;
}
const isStrictObject = (node) => node && node.properties && node.additionalProperties === false;

const SAMPLE_STRINGS = ['x', 'a', 'example.com', 'sample', ''];

/** A minimal valid value for a schema node: required fields only. */
function sample(root, raw) {
  const node = deref(root, raw);
  if ('const' in node) return node.const;
  if (node.enum) return node.enum.find((v) => v !== null);
  const types = [].concat(node.type ?? (node.properties ? 'object' : []));
  if (types.includes('object')) {
    const out = {};
    for (const name of node.required ?? []) out[name] = sample(root, node.properties[name]);
    return out;
  }
  if (types.includes('array')) return Array.from({ length: node.minItems ?? 0 }, () => sample(root, node.items));
  if (types.includes('string')) {
    if (node.format === 'mm-duration') return '1s';
    const re = node.pattern ? new RegExp(node.pattern, 'u') : undefined;
    const fits = (s) => (!re || re.test(s)) && s.length >= (node.minLength ?? 0);
    return SAMPLE_STRINGS.find(fits) ?? 'x'.repeat(node.minLength ?? 1);
  }
  if (types.includes('integer') || types.includes('number')) return Math.max(node.minimum ?? 1, 1);
  if (types.includes('boolean')) return true;
  return {};
}

/**
 * Paths to strict objects: spec itself, the first object held by a key below it, the first
 * object in a list below it; metadata stands in where spec has none (WorkloadEntry's spec is flat).
 */
function targets(root) {
  const spec = deref(root, root.properties.spec);
  if (!isStrictObject(spec)) return [];
  const found = { spec: ['spec'] };
  for (const top of ['spec', 'metadata']) {
    const queue = [[[top], deref(root, root.properties[top])]];
    while (queue.length && !(found.nested && found.inList)) {
      const [path, node] = queue.shift();
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        const c = deref(root, child);
        if (isStrictObject(c)) {
          found.nested ??= [...path, name];
          queue.push([[...path, name], c]);
        }
        const items = c && deref(root, c.items);
        if (isStrictObject(items)) {
          found.inList ??= [...path, name, 0];
          queue.push([[...path, name, 0], items]);
        }
      }
    }
  }
  return Object.entries(found);
}

/** A document holding the path, each object on it filled with its required fields. */
function documentWith(root, entry, path) {
  const doc = { apiVersion: entry.apiVersion, kind: entry.kind, metadata: { name: 'sample', namespace: 'default' } };
  for (const name of root.required) if (!(name in doc)) doc[name] = sample(root, root.properties[name]);
  let node = root;
  let holder = doc;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    node = deref(root, typeof segment === 'number' ? node.items : node.properties[segment]);
    if (holder[segment] === undefined || typeof holder[segment] !== 'object') holder[segment] = sample(root, node);
    if (typeof segment === 'string' && typeof path[i + 1] === 'number') {
      if (holder[segment].length === 0) holder[segment].push(sample(root, deref(root, node.items)));
    }
    holder = holder[segment];
  }
  return { doc, holder };
}

// Istio's kinds; schemaConformanceAll.test.mjs does this for the other meshes and Kubernetes
const istioServed = index.filter((e) => e.served && /\.istio\.io\//.test(e.apiVersion));

test('(c) an invented field is one MM200 at its key, at every depth of every kind and served version', (t) => {
  let cases = 0;
  for (const entry of istioServed) {
    const root = readJson(join(SCHEMAS, entry.file));
    const found = targets(root);
    // WorkloadEntry has nothing strict held by a key (only maps), so it gets two targets
    assert.ok(found.length >= 2, `${entry.apiVersion} ${entry.kind}: spec and a deeper object`);
    for (const [depth, path] of found) {
      const { doc, holder } = documentWith(root, entry, path);
      const base = YAML.parseDocument(YAML.stringify(doc));
      assert.deepStrictEqual(validateDoc(base).map((f) => f.message), [], `${entry.apiVersion} ${entry.kind}: sample is clean`);
      holder.mmInventedField = 'x';
      const text = YAML.stringify(doc);
      const parsed = YAML.parseDocument(text);
      const findings = validateDoc(parsed);
      const key = core.createLocator(parsed.contents, 0).key([...path, 'mmInventedField']);
      const where = `${entry.apiVersion} ${entry.kind} ${depth} ${path.join('.')}`;
      assert.equal(findings.length, 1, `${where}: ${findings.map((f) => f.message).join(' | ')}`);
      assert.equal(findings[0].code, 'MM200', where);
      assert.deepStrictEqual([findings[0].start, findings[0].end], [key.start, key.end], where);
      cases++;
    }
  }
  t.diagnostic(`${cases} invented-field cases over ${istioServed.length} served kind/versions`);
});

// ---- (d) the schema files themselves ------------------------------------------------------

const PROSE_KEYS = new Set(['description', 'title', 'example', 'examples', 'externalDocs']);

function proseKeys(value, path, out) {
  if (Array.isArray(value)) value.forEach((v, i) => proseKeys(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // `properties` maps field names: a field may be called `description`
      if (PROSE_KEYS.has(k) && !path.endsWith('.properties')) out.push(`${path}.${k}`);
      proseKeys(v, `${path}.${k}`, out);
    }
  }
  return out;
}

const schemaFiles = readdirSync(SCHEMAS, { recursive: true }).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();

test('(d) no description (or other upstream prose) anywhere in schemas/', () => {
  const found = [];
  for (const file of schemaFiles) proseKeys(readJson(join(SCHEMAS, file)), file, found);
  assert.deepStrictEqual(found, []);
  assert.ok(!/"description"\s*:\s*"/.test(readFileSync(join(SCHEMAS, 'index.json'), 'utf8')));
});

test('(d) every schema is draft-07, compiles in the registry, and is listed in index.json', () => {
  const ajv = new Ajv({ strict: false, validateFormats: false });
  for (const file of schemaFiles) {
    const schema = readJson(join(SCHEMAS, file));
    assert.ok(ajv.validateSchema(schema), `${file}: ${ajv.errorsText(ajv.errors)}`);
  }
  assert.deepStrictEqual(index.map((e) => e.file).sort(), schemaFiles);
  for (const e of index) assert.ok(registry.compiled(e.apiVersion, e.kind), `${e.apiVersion} ${e.kind}`);
});

test('(d) schemas/ is what the generator writes from upstream, for every kind and version', (t) => {
  if (!haveUpstream) return t.skip(SKIP);
  const results = generator.generate(generator.SOURCES, join(UPSTREAM, 'crds'), generator.createReport());
  assert.deepStrictEqual(index, results.map(generator.indexEntry));
  for (const r of results) {
    const file = generator.schemaFile(r);
    assert.equal(readFileSync(join(SCHEMAS, file), 'utf8'), `${JSON.stringify(r.schema)}\n`, `${file} is stale: run node scripts/generateSchemas.mjs`);
  }
  const kinds = new Set(results.map((r) => r.kind));
  for (const kind of ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'WorkloadEntry', 'WorkloadGroup',
    'EnvoyFilter', 'ProxyConfig', 'AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication', 'Telemetry', 'WasmPlugin',
    'TrafficExtension']) assert.ok(kinds.has(kind), kind);
});
