// Every snippet in snippets/*.json, expanded with its defaults, must be YAML whose documents
// are Kubernetes-style resources, draw no diagnostic from our own CLI, and be accepted by
// the upstream schema of its kind (../shared/upstream/crds, read in place). Also: the
// prefix conventions of issue 7, the PromQL of the alert snippet, the package.json
// contribution, and the expander itself.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const core = require(path.join(ROOT, 'dist/core.js'));
const CLI = path.join(ROOT, 'dist/cli.js');
const SNIPPET_DIR = path.join(ROOT, 'snippets');
const UPSTREAM = path.join(ROOT, '..', 'shared', 'upstream', 'crds');

// Words of the Mumbai theme (issue 7); a themed prefix holds one, a plain prefix none.
const THEME_WORDS = ['dabbawala', 'local', 'metro', 'best-bus', 'harbour', 'monsoon', 'nakabandi', 'ladies', 'crowd', 'peak-hour', 'ticket-checker', 'signal-cabin', 'tiffin'];

assert.equal(typeof core.parseSnippetFile, 'function', 'dist/core.js does not export the snippets module: add `export * from \'./snippets/index\';` to server/src/core/index.ts');

const snippetFiles = fs.readdirSync(SNIPPET_DIR).filter((f) => f.endsWith('.json')).sort();
const parsedFiles = snippetFiles.map((file) => ({ file, ...core.parseSnippetFile(fs.readFileSync(path.join(SNIPPET_DIR, file), 'utf8'), path.basename(file, '.json')) }));
const snippets = parsedFiles.flatMap((f) => f.snippets);
const label = (s) => `${s.source}: ${s.prefixes[0]}`;
const expanded = new Map(snippets.map((s) => [s, core.expandSnippet(s.body)]));
const resourcesOf = (s) => YAML.parseAllDocuments(expanded.get(s)).map((d) => d.toJS()).filter((r) => r !== null && r !== undefined);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mumbai-mesh-snippets-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('snippet files', () => {
  test('parse without problems and hold snippets', () => {
    assert.ok(snippetFiles.length >= 4, `expected one file per mesh/area, found ${snippetFiles.join(', ')}`);
    for (const f of parsedFiles) {
      assert.deepEqual(f.problems, [], f.file);
      assert.ok(f.snippets.length > 0, `${f.file} holds no snippet`);
    }
  });

  test('are contributed for yaml in package.json, every one of them', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const contributed = manifest.contributes?.snippets ?? [];
    for (const file of snippetFiles) {
      assert.ok(
        contributed.some((c) => c.language === 'yaml' && path.normalize(c.path) === path.normalize(`./snippets/${file}`)),
        `package.json contributes.snippets lacks { "language": "yaml", "path": "./snippets/${file}" }`,
      );
    }
    for (const c of contributed) assert.ok(fs.existsSync(path.join(ROOT, c.path)), `${c.path} is contributed but missing`);
  });

  test('every pattern issue 7 lists is there, with its kinds', () => {
    const required = {
      'mm-harbour-line': ['Gateway', 'ServiceEntry'],
      'mm-peak-hour-local': ['VirtualService'],
      'mm-dabbawala-canary': ['VirtualService', 'DestinationRule'],
      'mm-ladies-compartment': ['DestinationRule'],
      'mm-monsoon-drill': ['VirtualService'],
      'mm-nakabandi': ['AuthorizationPolicy'],
      'mm-nakabandi-mtls': ['PeerAuthentication'],
      'mm-ticket-checker-jwt': ['RequestAuthentication'],
      'mm-dabbawala-route': ['Sidecar'],
      'mm-dabbawala-tiffin-size': ['Deployment'],
      'mm-local-ambient': ['Namespace', 'Gateway'],
      'mm-local-logbook': ['Telemetry'],
      'mm-nakabandi-netpol': ['NetworkPolicy'],
      'mm-signal-cabin-alerts': ['PrometheusRule'],
      'mm-metro-nakabandi': ['Server', 'MeshTLSAuthentication', 'AuthorizationPolicy'],
      'mm-metro-retry': ['HTTPRoute'],
      'mm-metro-dabbawala-tiffin-size': ['Deployment'],
      'mm-best-bus-canary': ['ServiceDefaults', 'ServiceResolver', 'ServiceSplitter'],
      'mm-best-bus-nakabandi': ['ServiceIntentions'],
      'mm-best-bus-route': ['ServiceRouter'],
    };
    for (const [prefix, kinds] of Object.entries(required)) {
      const s = snippets.find((x) => x.prefixes.includes(prefix));
      assert.ok(s, `no snippet with prefix ${prefix}`);
      const have = resourcesOf(s).map((r) => r.kind);
      for (const kind of kinds) assert.ok(have.includes(kind), `${prefix}: no ${kind}`);
    }
  });

  test('prefixes: a themed and a plain one per snippet, none used twice', () => {
    const seen = new Map();
    for (const s of snippets) {
      assert.ok(s.prefixes.length >= 2, `${label(s)}: needs a themed and a plain prefix`);
      const themed = s.prefixes.filter((p) => p.startsWith('mm-') && THEME_WORDS.some((w) => p.includes(w)));
      const plain = s.prefixes.filter((p) => p.startsWith('mm-') && !THEME_WORDS.some((w) => p.includes(w)));
      assert.ok(themed.length >= 1, `${label(s)}: no mm- prefix with a theme word (${THEME_WORDS.join(', ')})`);
      assert.ok(plain.length >= 1, `${label(s)}: no plain mm- prefix for users who do not know the theme`);
      for (const p of s.prefixes) {
        assert.match(p, /^mm-[a-z0-9-]+$/, `${label(s)}: prefix ${p}`);
        assert.ok(!seen.has(p), `prefix ${p} is used by both "${seen.get(p)}" and "${s.title}"`);
        seen.set(p, s.title);
      }
      assert.ok(s.title.length > 0 && s.description.length >= 40, `${label(s)}: needs a title and a description in our words`);
    }
  });

  test('bodies: at least one tab stop, no unescaped literal $', () => {
    for (const s of snippets) {
      assert.ok(core.snippetTabStops(s.body).some((i) => i > 0), `${label(s)}: no tab stop`);
      assert.deepEqual(core.parseSnippetSyntax(s.body).strayDollars, [], `${label(s)}: a literal $ must be written \\$`);
      assert.ok(!/\t/.test(expanded.get(s)), `${label(s)}: YAML indentation must be spaces`);
    }
  });

  test('snippetCompletions: one item per prefix, carrying the snippet body', () => {
    const items = core.snippetCompletions(snippets);
    assert.equal(items.length, snippets.reduce((n, s) => n + s.prefixes.length, 0));
    for (const s of snippets) {
      for (const prefix of s.prefixes) {
        const item = items.find((i) => i.label === prefix);
        assert.equal(item.body, s.body);
        assert.equal(item.title, s.title);
        assert.equal(item.preview, expanded.get(s));
      }
    }
  });
});

describe('every snippet expands to resources that parse', () => {
  for (const s of snippets) {
    test(label(s), () => {
      const docs = YAML.parseAllDocuments(expanded.get(s));
      for (const doc of docs) {
        assert.deepEqual(doc.errors.map(String), [], `${label(s)}: YAML errors in\n${expanded.get(s)}`);
        assert.deepEqual(doc.warnings.map(String), [], label(s));
        const resource = doc.toJS();
        assert.equal(typeof resource?.apiVersion, 'string', `${label(s)}: a document without apiVersion`);
        assert.equal(typeof resource?.kind, 'string', `${label(s)}: a document without kind`);
        assert.equal(typeof resource?.metadata?.name, 'string', `${label(s)}: ${resource.kind} without metadata.name`);
      }
      assert.ok(docs.length > 0);
    });
  }
});

// What a snippet expects to find already in the user's workspace, by its first prefix. A
// route to `payments` in an empty workspace rightly gets IST0101 (no such Service), as
// istioctl analyze would say; the snippet is correct when it is clean next to the Service
// it routes to. Only what a snippet references goes here: a workload only where the
// reference is to one (a gateway selector), never one a subset could select (with no
// workloads in the workspace, the subset pod-selection check rightly stays silent).
const PAYMENTS_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: payments
  namespace: payments
spec:
  selector:
    app: payments
  ports:
    - name: http
      port: 8080
      targetPort: 8080
`;
const PAYMENTS_API_SERVICE = PAYMENTS_SERVICE.replace('name: payments\n  namespace', 'name: payments-api\n  namespace');
const EASTWEST_GATEWAY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istio-eastwestgateway
  namespace: istio-system
spec:
  selector:
    matchLabels:
      istio: eastwestgateway
  template:
    metadata:
      labels:
        istio: eastwestgateway
        app: istio-eastwestgateway
    spec:
      containers:
        - name: istio-proxy
          image: docker.io/istio/proxyv2:1.30.3
---
apiVersion: v1
kind: Service
metadata:
  name: istio-eastwestgateway
  namespace: istio-system
spec:
  type: LoadBalancer
  selector:
    istio: eastwestgateway
  ports:
    - name: status-port
      port: 15021
      targetPort: 15021
    - name: tls
      port: 15443
      targetPort: 15443
`;
const WORKSPACE_CONTEXT = {
  'mm-harbour-line': EASTWEST_GATEWAY,
  'mm-peak-hour-local': PAYMENTS_SERVICE,
  'mm-dabbawala-canary': PAYMENTS_SERVICE,
  'mm-ladies-compartment': PAYMENTS_SERVICE,
  'mm-monsoon-drill': PAYMENTS_SERVICE,
  'mm-metro-retry': PAYMENTS_API_SERVICE,
};

describe('every snippet draws zero diagnostics from mumbai-mesh check', () => {
  // One CLI process per snippet (snippets must not see each other), run concurrently.
  const runs = new Map();
  const check = (s) =>
    new Promise((resolve) => {
      const file = path.join(tmp, `${s.source}-${s.prefixes[0]}.yaml`);
      fs.writeFileSync(file, expanded.get(s));
      const files = [file];
      if (WORKSPACE_CONTEXT[s.prefixes[0]]) {
        files.push(path.join(tmp, `${s.prefixes[0]}.context.yaml`));
        fs.writeFileSync(files[1], WORKSPACE_CONTEXT[s.prefixes[0]]);
      }
      execFile(process.execPath, [CLI, 'check', '--format', 'json', '--severity', 'hint', ...files], (error, stdout, stderr) =>
        resolve({ files, status: error ? error.code : 0, stdout, stderr }),
      );
    });
  before(async () => {
    await Promise.all(snippets.map(async (s) => runs.set(s, await check(s))));
  });

  test('the workspace context names existing snippets', () => {
    for (const prefix of Object.keys(WORKSPACE_CONTEXT)) assert.ok(snippets.some((s) => s.prefixes[0] === prefix), prefix);
  });
  for (const s of snippets) {
    test(label(s), () => {
      const run = runs.get(s);
      assert.equal(run.stderr, '', label(s));
      const want = run.files.map((file) => ({ file, diagnostics: [] })).sort((a, b) => (a.file < b.file ? -1 : 1));
      const got = JSON.parse(run.stdout).sort((a, b) => (a.file < b.file ? -1 : 1));
      assert.deepEqual(got, want, `${label(s)}:\n${expanded.get(s)}`);
      assert.equal(run.status, 0, label(s));
    });
  }
});

describe('every snippet is accepted by the upstream schema', () => {
  const upstream = fs.existsSync(UPSTREAM) ? loadUpstream() : undefined;
  const absent = `${UPSTREAM} is absent: upstream conformance not checked`;
  for (const s of snippets) {
    test(label(s), (t) => {
      if (!upstream) return t.skip(absent);
      const uncovered = [];
      for (const resource of resourcesOf(s)) {
        const { covered, problems } = upstream.check(resource);
        if (!covered) uncovered.push(`${resource.apiVersion} ${resource.kind}`);
        assert.deepEqual(problems, [], `${label(s)}: ${resource.kind} ${resource.metadata?.name}`);
      }
      if (uncovered.length > 0) t.skip(`no upstream schema for ${uncovered.join(', ')}`);
    });
  }

  // Guards the check above against passing vacuously (a conversion that accepts anything).
  test('the same check rejects a typo, a wrong type or an unserved version', (t) => {
    if (!upstream) return t.skip(absent);
    const meta = { name: 'x', namespace: 'x' };
    const bad = [
      { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: meta, spec: { host: 'x', trafficPolicy: { outlierDetection: { consecutive5xxError: 5 } } } },
      { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: meta, spec: { mtls: { mode: 'STRICTER' } } },
      { apiVersion: 'policy.linkerd.io/v1beta3', kind: 'Server', metadata: meta, spec: { port: 8080, podSelectorr: {} } },
      { apiVersion: 'consul.hashicorp.com/v1alpha1', kind: 'ServiceSplitter', metadata: meta, spec: { splits: [{ weight: '90' }] } },
      { apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TCPRoute', metadata: meta, spec: {} },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta, spec: { podSelector: {}, policyType: ['Ingress'] } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { ...meta, annotations: { 'sidecar.istio.io/proxyCPU': 100 } }, spec: { selector: {}, template: {} } },
      { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: meta, spec: { groups: [{ name: 'g', rules: [{ alert: 'A', expr: 'up', label: {} }] }] } },
    ];
    for (const resource of bad) {
      const { covered, problems } = upstream.check(resource);
      assert.ok(covered && problems.length > 0, `${resource.apiVersion} ${resource.kind} passed: ${JSON.stringify(resource.spec)}`);
    }
  });
});

describe('PromQL of the alert snippets', () => {
  const alerts = snippets.flatMap((s) =>
    resourcesOf(s)
      .filter((r) => r.kind === 'PrometheusRule')
      .flatMap((r) => r.spec.groups.flatMap((g) => g.rules.map((rule) => ({ s, rule })))),
  );
  test('there are mesh alerts for 5xx rate, P99 latency and circuit breaker', () => {
    const exprs = alerts.map((a) => a.rule.expr).join('\n');
    assert.match(exprs, /response_code=~"5\.\."/);
    assert.match(exprs, /histogram_quantile\(0\.99/);
    assert.match(exprs, /response_flags="UO"/);
  });
  for (const { s, rule } of alerts) {
    test(`${label(s)}: ${rule.alert}`, async (t) => {
      assert.match(rule.labels?.severity ?? '', /^(critical|warning|info)$/);
      for (const key of ['summary', 'description', 'runbook_url']) assert.ok(rule.annotations?.[key], `${rule.alert}: annotation ${key}`);
      assert.match(rule.annotations.runbook_url, /^https:\/\/\S+$/);
      const parser = await import('@prometheus-io/lezer-promql').then((m) => m.parser).catch(() => undefined);
      if (parser) {
        const errors = [];
        parser.parse(rule.expr).iterate({ enter: (n) => void (n.type.isError && errors.push(n.from)) });
        assert.deepEqual(errors, [], `${rule.alert}: PromQL syntax errors at offsets ${errors}`);
      } else {
        assert.ok(rule.expr.trim().length > 0, `${rule.alert}: empty expr`);
        assert.equal(balanceProblem(rule.expr), undefined, `${rule.alert}: ${balanceProblem(rule.expr)}`);
        t.diagnostic('@prometheus-io/lezer-promql is not installed: checked only that the expression is non-empty and balanced');
      }
    });
  }
});

describe('expandSnippet', () => {
  const cases = [
    ['placeholder and mirror', 'name: ${1:payments}\nhost: $1', 'name: payments\nhost: payments'],
    ['choice takes the first option', 'mode: ${1|ISTIO_MUTUAL,SIMPLE|}', 'mode: ISTIO_MUTUAL'],
    ['bare tab stops and the final cursor are empty', 'a: $1\nb: ${2}$0', 'a: \nb: '],
    ['nested placeholders', '${1:outer-${2:inner}} $2', 'outer-inner inner'],
    ['escapes', 'cost: \\$5 \\} \\\\ {{ \\$labels.x }}', 'cost: $5 } \\ {{ $labels.x }}'],
    ['escaped comma in a choice', '${1|a\\,b,c|}', 'a,b'],
    ['variables get defaults', '$TM_FILENAME_BASE ${TM_FILENAME}', 'mesh mesh.yaml'],
    ['unknown variable: its default, else its name', '${NOPE:fallback} $NOPE', 'fallback NOPE'],
    ['variable inside a placeholder', '${1:${TM_FILENAME_BASE}-vs}', 'mesh-vs'],
    ['a lone or unclosed $ stays text', 'a $ b ${1:open', 'a $ b ${1:open'],
    ['a self-mirroring placeholder does not loop', '${1:x $1 y}', 'x  y'],
  ];
  for (const [name, body, want] of cases) test(name, () => assert.equal(core.expandSnippet(body), want));

  test('variables passed in win, transforms apply', () => {
    const variables = { TM_FILENAME_BASE: 'Payments Route' };
    assert.equal(core.expandSnippet('${TM_FILENAME_BASE/[^A-Za-z0-9]+/-/g}', { variables }), 'Payments-Route');
    assert.equal(core.expandSnippet('${TM_FILENAME_BASE/(.*)/${1:/downcase}/}', { variables }), 'payments route');
    assert.equal(core.expandSnippet('${TM_FILENAME_BASE/(x)?.*/${1:?yes:no}/}', { variables }), 'no');
  });

  test('snippetTabStops lists indexes once, in order', () => {
    assert.deepEqual(core.snippetTabStops('${2:a ${3:b}} $1 ${4|x,y|} $2 $0'), [0, 1, 2, 3, 4]);
  });

  test('parseSnippetFile accepts comments and reports bad entries', () => {
    const text = '{ // ours\n "A": { "prefix": ["mm-a", "mm-b"], "body": ["x: ${1:y}"], "description": "d", },\n "B": { "body": "x" } }';
    const file = core.parseSnippetFile(text, 'demo');
    assert.deepEqual(file.snippets, [{ title: 'A', prefixes: ['mm-a', 'mm-b'], body: 'x: ${1:y}', description: 'd', scopes: [], source: 'demo' }]);
    assert.deepEqual(file.problems, ['demo: "B" needs a prefix (a string or a list of strings)']);
  });
});

/** Brackets and quotes in a PromQL expression; returns the first problem or undefined. */
function balanceProblem(expr) {
  const stack = [];
  const pairs = { ')': '(', ']': '[', '}': '{' };
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = expr.indexOf(ch, i + 1);
      if (end === -1) return `unclosed ${ch} at ${i}`;
      i = end;
    } else if ('([{'.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return `unbalanced ${ch} at ${i}`;
  }
  return stack.length ? `unclosed ${stack.join('')}` : undefined;
}

/**
 * The upstream schemas, turned into strict JSON Schema on the fly: CRDs' openAPIV3Schema
 * (every served or not served version, flagged) and the Kubernetes OpenAPI documents.
 * Strict means additionalProperties:false wherever properties are listed and unknown
 * fields are not preserved, as the API server prunes/rejects them. CEL rules
 * (x-kubernetes-validations) are dropped: ajv cannot evaluate them.
 */
function loadUpstream() {
  // Go's RE2 patterns: the prometheus-operator CRD opens some with an inline (?i) flag.
  const goRegExp = (pattern, flags) =>
    /^\^?\(\?i\)/.test(pattern) ? new RegExp(pattern.replace('(?i)', ''), `${flags}i`) : new RegExp(pattern, flags);
  goRegExp.code = 'goRegExp'; // anything but 'new RegExp', so ajv calls this function
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: goRegExp } });
  const crds = new Map(); // "apiVersion kind" → [{ origin, served, schema }]
  const add = (key, entry) => crds.set(key, [...(crds.get(key) ?? []), entry]);
  const yamlFiles = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && !(e.name === 'raw' && dir.endsWith('linkerd'))) walk(full);
      else if (e.isFile() && e.name.endsWith('.yaml')) yamlFiles.push(full);
    }
  };
  walk(UPSTREAM);
  // Parsing all 2.7 MB of CRD YAML takes seconds; a CRD's group and kind can be read off its
  // text (controller-gen layout: `  group:` and then `    kind:` under `  names:`), so each
  // CRD document is parsed only when a resource of its group and kind is checked.
  const pending = new Map(); // "group kind" → [{ origin, text }]
  const parseCrd = ({ origin, text }) => {
    const crd = YAML.parse(text);
    if (crd?.kind !== 'CustomResourceDefinition') return;
    for (const v of crd.spec.versions) {
      const schema = v.schema?.openAPIV3Schema;
      if (schema) add(`${crd.spec.group}/${v.name} ${crd.spec.names.kind}`, { origin, served: v.served, schema });
    }
  };
  for (const file of yamlFiles.sort()) {
    const origin = path.relative(UPSTREAM, file);
    for (const text of fs.readFileSync(file, 'utf8').split(/^---[ \t]*$/m)) {
      const group = /^ {2}group: (\S+)\s*$/m.exec(text)?.[1];
      const kind = /^ {2}names:\s*\n(?: {4}.*\n)*? {4}kind: (\w+)\s*$/m.exec(text)?.[1];
      if (group && kind) pending.set(`${group} ${kind}`, [...(pending.get(`${group} ${kind}`) ?? []), { origin, text }]);
      else if (/^kind: CustomResourceDefinition\s*$/m.test(text)) parseCrd({ origin, text });
    }
  }
  const lookup = (apiVersion, kind) => {
    const key = `${apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : ''} ${kind}`;
    for (const chunk of pending.get(key) ?? []) parseCrd(chunk);
    pending.delete(key);
    return crds.get(`${apiVersion} ${kind}`) ?? [];
  };
  let objectMeta;
  const k8sDir = path.join(UPSTREAM, 'kubernetes');
  for (const file of fs.existsSync(k8sDir) ? fs.readdirSync(k8sDir).filter((f) => f.endsWith('.json')) : []) {
    const doc = JSON.parse(fs.readFileSync(path.join(k8sDir, file), 'utf8'));
    const id = `k8s:${file}`;
    const schemas = Object.fromEntries(Object.entries(doc.components.schemas).map(([k, v]) => [k, toStrictSchema(v)]));
    ajv.addSchema({ $id: id, components: { schemas } });
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
        const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
        if (name.endsWith(`.${gvk.kind}`)) add(`${apiVersion} ${gvk.kind}`, { origin: `kubernetes/${file}`, served: true, ref: `${id}#/components/schemas/${name}` });
      }
    }
    objectMeta ??= `${id}#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`;
  }
  const compiled = new Map();
  const errorsOf = (validate, value) =>
    validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? `: ${e.params.additionalProperty}` : ''}`);
  const api = {
    validate(candidate, resource) {
      if (!compiled.has(candidate)) compiled.set(candidate, ajv.compile(candidate.ref ? { $ref: candidate.ref } : toStrictSchema(candidate.schema)));
      // The API server supplies apiVersion, kind and metadata for every CRD, whether or not
      // its schema lists them; the rest of the object (spec, and any stray top-level key) is checked.
      const { apiVersion, kind, metadata, ...body } = resource;
      return errorsOf(compiled.get(candidate), candidate.ref ? resource : body);
    },
    validateMetadata(metadata) {
      if (!objectMeta) return [];
      if (!compiled.has(objectMeta)) compiled.set(objectMeta, ajv.compile({ $ref: objectMeta }));
      return errorsOf(compiled.get(objectMeta), metadata);
    },
  };
  return {
    /** Problems of one resource against every upstream schema of its apiVersion and kind. */
    check(resource) {
      const candidates = lookup(resource.apiVersion, resource.kind);
      const problems = [];
      for (const c of candidates) {
        if (!c.served) problems.push(`${resource.apiVersion} is not served (${c.origin})`);
        for (const e of api.validate(c, resource)) problems.push(`${c.origin}: ${e}`);
      }
      if (candidates.length > 0) for (const e of api.validateMetadata(resource.metadata)) problems.push(`metadata (ObjectMeta): ${e}`);
      return { covered: candidates.length > 0, problems };
    },
  };
}

function toStrictSchema(node) {
  const SCHEMA_MAPS = ['properties', 'patternProperties'];
  const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
  const SCHEMA_ONE = ['additionalProperties', 'items', 'not'];
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map(toStrictSchema);
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' || key === 'example' || key.startsWith('x-kubernetes-')) continue;
    if (SCHEMA_MAPS.includes(key)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStrictSchema(v)]));
    else if (SCHEMA_LISTS.includes(key)) out[key] = value.map(toStrictSchema);
    else if (SCHEMA_ONE.includes(key)) out[key] = toStrictSchema(value);
    else out[key] = value;
  }
  if (node['x-kubernetes-int-or-string'] === true && !out.anyOf && !out.oneOf) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (out.nullable === true && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    delete out.nullable;
  }
  if (out.properties && out.additionalProperties === undefined && node['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
  }
  return out;
}
