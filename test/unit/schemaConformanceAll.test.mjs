// Conformance of schemas/ against every upstream definition in ../shared/upstream/crds (read
// in place, never copied): the CRDs of Istio (master and the 1.30.3 release), Linkerd, Consul,
// Gateway API and the Prometheus Operator, and the Kubernetes kinds (the 1.35 OpenAPI
// documents, and the kubernetes-models package for batch, autoscaling and policy, as the
// generator reads it). For every kind and served version:
// (a) documents generated from the *upstream* schema, together setting every field path it
//     declares, get no schema finding (one document per kind, more where fields exclude each
//     other; paths we cannot fill are listed in UNFILLABLE with the reason);
// (b) an invented field in the spec (or the top level), in an object held by a key, in an object
//     inside a list and in the deepest object is exactly one MM200, at that key;
// (c) a value outside an upstream enum is exactly one MM202, at that value, for every distinct
//     enum the documents reach (Kubernetes: the enums kubernetes-models gives, since the 1.35
//     OpenAPI documents have none).
// Also: every CRD file upstream is one of the generator's sources, index.json carries
// upstream's deprecated flags, the kinds of issue 4 are all there, Secret values never show,
// and the CLI checks each document of a mixed file against its own kind.
// `MM_DUMP='apps/v1 Deployment' node test/unit/schemaConformanceAll.test.mjs` prints the
// documents (a) generates for a kind.
//
// The documents meet each field's structural rules (type, enum, format, pattern, bounds, the
// fields that exclude each other), not upstream's CEL rules, which the generator drops (it
// prints them): an API server may refuse some of them (a Gateway API filter `type` that does
// not name the filter set beside it), our schemas do not. `status` is left out: controllers
// write it and our schemas accept anything there. The Istio 1.30.3 CRDs (what users run) are
// checked in (a) against the schemas made from master; (b) and (c) use master's.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const UPSTREAM = join(ROOT, '../shared/upstream/crds');
const SCHEMAS = join(ROOT, 'schemas');
const core = require(join(ROOT, 'dist/core.js'));
const YAML = require('yaml');
const generator = await import(pathToFileURL(join(ROOT, 'scripts/generateSchemas.mjs')).href);
const kubernetes = await import(pathToFileURL(join(ROOT, 'scripts/kubernetesSchemas.mjs')).href);

const SKIP = '…/shared/upstream not found: conformance over every upstream CRD skipped';
const haveUpstream = existsSync(UPSTREAM);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const index = readJson(join(SCHEMAS, 'index.json'));
const registry = core.createSchemaRegistry({ loadIndex: () => index, loadSchema: (file) => readJson(join(SCHEMAS, file)) });

function validateText(text) {
  const doc = YAML.parseDocument(text);
  const value = doc.toJS();
  const locator = core.createLocator(doc.contents, 0);
  return { locator, findings: core.validateResource({ apiVersion: value.apiVersion, kind: value.kind, value }, locator, registry) };
}
const show = (findings) => findings.map((f) => `${f.code} ${f.message}`).join(' | ');

// ---- upstream, as the test reads it -------------------------------------------------------

const REF = '#/components/schemas/';
// Kubernetes definitions whose fields are not walked (what they hold instead)
const SPECIAL_SAMPLES = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': () => 8080,
  'io.k8s.apimachinery.pkg.api.resource.Quantity': () => '250m',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': () => '2026-01-02T03:04:05Z',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': () => '2026-01-02T03:04:05.000006Z',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': () => ({ anything: 'x' }),
};

/** Every kind and version upstream defines: { id, apiVersion, kind, served, deprecated, root, defs }. */
function upstreamKinds() {
  const out = [];
  const crdFiles = [...generator.SOURCES.flatMap((s) => s.files), 'istio/crd-all.gen-1.30.3.yaml'];
  for (const file of crdFiles) {
    const release = file.endsWith('-1.30.3.yaml') ? ' (Istio 1.30.3)' : '';
    for (const doc of YAML.parseAllDocuments(readFileSync(join(UPSTREAM, file), 'utf8'))) {
      const crd = doc.toJS({ maxAliasCount: -1 });
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const v of crd.spec.versions) {
        const apiVersion = `${crd.spec.group}/${v.name}`;
        out.push({
          id: `${apiVersion} ${crd.spec.names.kind}${release}`, apiVersion, kind: crd.spec.names.kind, file,
          served: v.served !== false, deprecated: v.deprecated === true,
          // with the facts the generator adds to what the CRD says (CRD_OVERLAYS: controller-enforced enums)
          root: generator.applyOverlays(crd.spec.group, crd.spec.names.kind, v.schema.openAPIV3Schema),
        });
      }
    }
  }
  const defs = kubernetes.loadKubernetesDefinitions(UPSTREAM, generator.MODELS_DIR);
  for (const source of kubernetes.KUBERNETES_SOURCES) {
    const apiVersion = source.group ? `${source.group}/${source.version}` : source.version;
    for (const kind of source.kinds) {
      const id = `io.k8s.api.${source.group ? source.group.split('.')[0] : 'core'}.${source.version}.${kind}`;
      out.push({ id: `${apiVersion} ${kind}`, apiVersion, kind, served: true, deprecated: false, root: defs.get(id).node, defs, kubernetes: true });
    }
  }
  return out;
}

function refOf(node) {
  if (typeof node?.$ref === 'string') return node.$ref.slice(REF.length);
  if (Array.isArray(node?.allOf) && node.allOf.length === 1 && node.allOf[0].$ref) return node.allOf[0].$ref.slice(REF.length);
  return undefined;
}

/** The upstream node `raw` stands for (Kubernetes references followed); undefined for the special types. */
function resolved(entry, raw) {
  let node = raw ?? {};
  for (let ref = entry.kubernetes ? refOf(node) : undefined; ref !== undefined; ref = refOf(node)) {
    if (SPECIAL_SAMPLES[ref]) return undefined;
    node = entry.defs.get(ref).node;
  }
  return node;
}

/** Field groups of which one is set at a time: Istio's at-most-one and controller-gen's exactly-one oneOfs. */
function fieldGroups(node) {
  const groups = [];
  const fromOneOf = (oneOf) => {
    const names = [];
    for (const branch of oneOf) {
      const keys = Object.keys(branch);
      if (keys.length === 1 && keys[0] === 'required' && branch.required.length === 1) names.push(branch.required[0]);
      else if (!(keys.length === 1 && keys[0] === 'not' && branch.not.anyOf)) return; // another shape: no field group
    }
    if (names.length > 1) groups.push(names);
  };
  if (node.oneOf) fromOneOf(node.oneOf);
  for (const part of node.allOf ?? []) if (part.oneOf) fromOneOf(part.oneOf);
  return groups;
}

const isPreserved = (node) => node['x-kubernetes-preserve-unknown-fields'] === true;
const isIntOrString = (node) => node['x-kubernetes-int-or-string'] === true ||
  (Array.isArray(node.anyOf) && node.anyOf.map((s) => s.type).sort().join() === 'integer,string');

// ---- (a) filling every path ---------------------------------------------------------------

// Strings tried, in order, against a field's pattern and lengths.
const STRINGS = [
  'sample', 'a', 'x', 'example.com', 'payments.mumbai.svc.cluster.local', 'example.com/sample', 'Sample', 'HTTP', 'GET',
  '10s', '1m', '10.0.0.0/8', '10.0.0.1', 'https://example.com', 'http://example.com:8080', '/api', 'sample_1', 'x-header',
  'abort', '1', '80', 'Hostname', 'ab', 'abc', '0123456789abcdef'.repeat(4),
];
const DATE = '2026-01-02T03:04:05Z';

/**
 * Paths whose upstream rule the generated value cannot meet, with the reason. Keys:
 * `<id> <path>`, `[]` for any list index. The fill leaves them out; the test checks this list
 * is exact. Empty today: every pattern upstream (Go RE2, `(?i)` included) has a sample in
 * STRINGS, and every other rule (types, enums, formats, bounds, field groups) has a value.
 */
const UNFILLABLE = {};

function jsPattern(pattern) {
  // Go's RE2 `(?i)` flag: JavaScript takes it as a flag of the whole expression
  const insensitive = pattern.includes('(?i)');
  try {
    return new RegExp(pattern.replace('(?i)', ''), insensitive ? 'iu' : 'u');
  } catch {
    return undefined;
  }
}

function celDuration(node) {
  for (const v of node['x-kubernetes-validations'] ?? []) {
    if (typeof v.rule !== 'string' || !/duration\(self\)/.test(v.rule)) continue;
    const min = /duration\(self\)\s*>=?\s*duration\(['"]([^'"]+)['"]\)/.exec(v.rule);
    return min ? min[1] : '10s';
  }
  return undefined;
}

function sampleString(node, salt) {
  if (node.format === 'date-time') return DATE;
  if (node.format === 'duration') return '10s';
  if (node.format === 'ipv4') return '10.0.0.1';
  if (node.format === 'ipv6') return 'fd00::1';
  if (node.format === 'byte') return 'c2FtcGxl';
  const duration = celDuration(node);
  if (duration) return duration;
  const re = node.pattern === undefined ? undefined : jsPattern(node.pattern);
  const fits = (s) => (!re || re.test(s)) && s.length >= (node.minLength ?? 0) && s.length <= (node.maxLength ?? Infinity);
  const salted = salt ? STRINGS.map((s) => `${s}${salt}`) : [];
  return [...salted, ...STRINGS].find(fits);
}

function sampleNumber(node) {
  const integer = node.type === 'integer';
  let lo = node.minimum ?? -Infinity;
  let hi = node.maximum ?? Infinity;
  if (node.exclusiveMinimum === true || typeof node.exclusiveMinimum === 'number') lo = (typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : lo) + (integer ? 1 : 0.5);
  if (node.exclusiveMaximum === true || typeof node.exclusiveMaximum === 'number') hi = (typeof node.exclusiveMaximum === 'number' ? node.exclusiveMaximum : hi) - (integer ? 1 : 0.5);
  const value = Math.min(Math.max(1, lo), hi);
  return integer ? Math.ceil(value) : value;
}

/**
 * One document of a kind, with fields of a group chosen by `variant`. Records the group sizes
 * it met (to know how many variants there are), enum sites, paths left out and leaves set.
 */
function fillDocument(entry, variant) {
  const seen = { groupSize: 1, enums: [], omitted: [], leaves: 0 };
  const OMIT = Symbol('omit');
  const resolve = (node, stack) => {
    const ref = entry.kubernetes ? refOf(node) : undefined;
    if (ref === undefined) return { node };
    if (SPECIAL_SAMPLES[ref]) return { special: SPECIAL_SAMPLES[ref]() };
    if (stack.includes(ref)) return { recursive: ref };
    return { node: entry.defs.get(ref).node, ref };
  };
  const pathKey = (path) => path.map((s) => (typeof s === 'number' ? '[]' : s)).join('.');

  function fill(raw, path, stack, salt = '') {
    const r = resolve(raw, stack);
    if ('special' in r) {
      seen.leaves++;
      return r.special;
    }
    if (r.recursive) return OMIT;
    const node = r.node;
    const inner = r.ref ? [...stack, r.ref] : stack;
    if (`${entry.id} ${pathKey(path)}` in UNFILLABLE) {
      seen.omitted.push(pathKey(path));
      return OMIT;
    }
    if (Array.isArray(node.enum)) {
      const values = node.enum.filter((v) => v !== null);
      seen.enums.push({ path, values, node });
      seen.leaves++;
      return values[(variant + salt.length) % values.length];
    }
    if (isIntOrString(node)) {
      seen.leaves++;
      return node.pattern ? sampleString(node, '') ?? 8080 : sampleNumber({ ...node, type: 'integer' });
    }
    const type = node.type ?? (node.properties ? 'object' : undefined);
    switch (type) {
      case 'string': {
        const s = sampleString(node, salt);
        if (s === undefined) {
          seen.omitted.push(pathKey(path));
          return OMIT;
        }
        seen.leaves++;
        return s;
      }
      case 'integer':
      case 'number':
        seen.leaves++;
        return sampleNumber(node);
      case 'boolean':
        seen.leaves++;
        return true;
      case 'array': {
        const n = Math.max(1, node.minItems ?? 0);
        const items = [];
        for (let i = 0; i < n; i++) {
          const v = fill(node.items ?? {}, [...path, i], inner, i ? `${salt}${i}` : salt);
          if (v !== OMIT) items.push(v);
        }
        return items;
      }
      case 'object':
      case undefined: {
        if (node.properties) return fillObject(node, path, inner, salt);
        if (node.additionalProperties && typeof node.additionalProperties === 'object') {
          const out = {};
          const n = Math.max(1, node.minProperties ?? 0);
          for (let i = 0; i < n; i++) {
            const v = fill(node.additionalProperties, [...path, `key-${i + 1}`], inner, salt);
            if (v !== OMIT) out[`key-${i + 1}`] = v;
          }
          return out;
        }
        // declared nothing: open (preserve-unknown-fields, or a Kubernetes "anything") or empty
        if (isPreserved(node) || entry.kubernetes || type === undefined) return { anyField: 'x' };
        return {};
      }
      default:
        throw new Error(`${entry.id} ${pathKey(path)}: type ${type}`);
    }
  }

  function fillObject(node, path, stack, salt) {
    const skip = new Set();
    for (const group of fieldGroups(node)) {
      seen.groupSize = Math.max(seen.groupSize, group.length);
      const chosen = group[variant % group.length];
      for (const name of group) if (name !== chosen) skip.add(name);
    }
    const out = {};
    for (const [name, child] of Object.entries(node.properties)) {
      if (skip.has(name)) continue;
      const v = fill(child, [...path, name], stack, salt);
      if (v !== OMIT) out[name] = v;
    }
    return out;
  }

  const doc = { apiVersion: entry.apiVersion, kind: entry.kind };
  // a CRD's metadata is the API server's ObjectMeta, not part of its schema
  if (!entry.kubernetes) doc.metadata = { name: 'sample', namespace: 'payments', labels: { app: 'sample' }, annotations: { note: 'x' } };
  for (const [name, child] of Object.entries(entry.root.properties ?? {})) {
    if (name === 'apiVersion' || name === 'kind' || name === 'status' || (name === 'metadata' && !entry.kubernetes)) continue;
    const v = fill(child, [name], []);
    if (v !== OMIT) doc[name] = v;
  }
  return { doc, seen };
}

const documentsCache = new Map();

/** Every variant of a kind's document: enough that each member of each field group is set once. */
function documentsOf(entry) {
  if (documentsCache.has(entry)) return documentsCache.get(entry);
  const docs = [];
  for (let variant = 0, count = 1; variant < count; variant++) {
    const filled = fillDocument(entry, variant);
    count = Math.max(count, filled.seen.groupSize);
    docs.push(filled);
  }
  documentsCache.set(entry, docs);
  return docs;
}

let allKinds;
let kinds;
const everyUpstreamKind = () => (allKinds ??= upstreamKinds());
const upstream = () => (kinds ??= everyUpstreamKind().filter((k) => k.served));
const stringify = (doc) => YAML.stringify(doc, { lineWidth: 0 });

test('(a) a document setting every field path upstream declares gets no finding, for every kind and served version', (t) => {
  if (!haveUpstream) return t.skip(SKIP);
  let documents = 0;
  let leaves = 0;
  const omitted = new Set();
  for (const entry of upstream()) {
    for (const { doc, seen } of documentsOf(entry)) {
      documents++;
      leaves += seen.leaves;
      for (const p of seen.omitted) omitted.add(`${entry.id} ${p}`);
      const { findings } = validateText(stringify(doc));
      assert.deepStrictEqual(show(findings), '', `${entry.id}: ${show(findings)}`);
    }
  }
  t.diagnostic(`${documents} documents over ${upstream().length} served kind/versions set ${leaves} values`);
  assert.deepStrictEqual([...omitted].sort(), Object.keys(UNFILLABLE).sort(), 'paths left out must be the ones UNFILLABLE lists');
});

// ---- (b) invented fields ------------------------------------------------------------------

/** The objects of a document whose upstream schema lists their fields (and so takes no others). */
function objectsOf(entry, doc) {
  const out = []; // { path, inList }
  const visit = (raw, value, path) => {
    const node = resolved(entry, raw);
    if (!node) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(node.items ?? {}, item, [...path, i]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const strict = node.properties && !isPreserved(node) && typeof node.additionalProperties !== 'object';
    if (strict) out.push({ path, inList: typeof path[path.length - 1] === 'number' });
    for (const [name, child] of Object.entries(value)) {
      const sub = node.properties?.[name] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
      if (sub) visit(sub, child, [...path, name]);
    }
  };
  for (const [name, value] of Object.entries(doc)) {
    const node = entry.root.properties?.[name];
    if (node && name !== 'status' && (name !== 'metadata' || entry.kubernetes)) visit(node, value, [name]);
  }
  return out;
}

/** Spec (else the top level), the first object held by a key, the first in a list, the deepest. */
function inventedFieldTargets(entry, doc) {
  const objects = objectsOf(entry, doc);
  const spec = objects.find((o) => o.path.length === 1 && o.path[0] === 'spec');
  const below = (o) => o.path.length > 1 && (!spec || o.path[0] === 'spec');
  const targets = { top: spec ? ['spec'] : [] };
  // a CRD's metadata is our strict ObjectMeta: the object held by a key where the spec has none
  // (Istio's WorkloadEntry spec holds only maps)
  const nested = objects.find((o) => below(o) && !o.inList) ?? objects.find((o) => o.path.length > 1 && !o.inList) ??
    (entry.kubernetes ? undefined : { path: ['metadata'] });
  const inList = objects.find((o) => below(o) && o.inList) ?? objects.find((o) => o.inList);
  if (nested) targets.nested = nested.path;
  if (inList) targets.inList = inList.path;
  const deepest = objects.reduce((a, o) => (o.path.length > (a?.path.length ?? 0) ? o : a), undefined);
  if (deepest && deepest.path.length > 2) targets.deepest = deepest.path;
  return targets;
}

function setAt(doc, path, value) {
  let holder = doc;
  for (const segment of path.slice(0, -1)) holder = holder[segment];
  holder[path[path.length - 1]] = value;
}

const checked = () => upstream().filter((e) => !e.id.endsWith('(Istio 1.30.3)'));

test('(b) an invented field is one MM200 at its key: in the spec, an object held by a key, an object in a list, the deepest object', (t) => {
  if (!haveUpstream) return t.skip(SKIP);
  let cases = 0;
  const depths = { top: 0, nested: 0, inList: 0, deepest: 0 };
  for (const entry of checked()) {
    const [{ doc }] = documentsOf(entry);
    const targets = inventedFieldTargets(entry, doc);
    assert.ok(targets.nested || targets.inList, `${entry.id}: no object below the top level`);
    for (const [depth, path] of Object.entries(targets)) {
      const copy = structuredClone(doc);
      const holder = path.reduce((h, s) => h[s], copy);
      holder.mmInventedField = 'x';
      const { findings, locator } = validateText(stringify(copy));
      const where = `${entry.id} ${depth} ${path.join('.')}`;
      assert.equal(findings.length, 1, `${where}: ${show(findings)}`);
      assert.equal(findings[0].code, 'MM200', where);
      const key = locator.key([...path, 'mmInventedField']);
      assert.deepStrictEqual([findings[0].start, findings[0].end], [key.start, key.end], where);
      depths[depth]++;
      cases++;
    }
  }
  t.diagnostic(`${cases} invented-field cases over ${checked().length} served kind/versions: ${JSON.stringify(depths)}`);
});

// ---- (c) values outside an enum -----------------------------------------------------------

/** `value` cut down to what its schema requires (and the member set of each field group), all the way down. */
function minimal(entry, raw, value) {
  const node = resolved(entry, raw);
  if (!node || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => minimal(entry, node.items, v));
  if (!node.properties) return value;
  const keep = new Set(node.required ?? []);
  for (const group of fieldGroups(node)) for (const name of group) keep.add(name);
  return Object.fromEntries(Object.entries(value).filter(([k]) => keep.has(k)).map(([k, v]) => [k, minimal(entry, node.properties[k], v)]));
}

/** The document cut down to `path` and what is required on the way: small documents validate fast. */
function documentFor(entry, doc, path) {
  const cut = (raw, value, rest) => {
    if (rest.length === 0) return value;
    const node = resolved(entry, raw) ?? {};
    const [head, ...tail] = rest;
    if (Array.isArray(value)) {
      const out = value.slice(0, head + 1).map((v) => minimal(entry, node.items, v));
      out[head] = cut(node.items, value[head], tail);
      return out;
    }
    const child = node.properties?.[head] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : {});
    return { ...minimal(entry, node, value), [head]: cut(child, value[head], tail) };
  };
  const top = { apiVersion: doc.apiVersion, kind: doc.kind, metadata: doc.metadata };
  const root = { ...entry.root, required: [...(entry.root.required ?? [])] };
  return { ...cut(root, { ...doc }, path), ...top };
}

test('(c) a value outside an upstream enum is one MM202 at that value, for every distinct enum reached', (t) => {
  if (!haveUpstream) return t.skip(SKIP);
  let cases = 0;
  const withEnums = new Set();
  for (const entry of checked()) {
    const docs = documentsOf(entry);
    const done = new Set();
    docs.forEach(({ doc, seen }) => {
      for (const site of seen.enums) {
        // the same enum reached again (a shared Kubernetes definition, a repeated CRD subtree) is checked once
        const last = site.path.filter((s) => typeof s === 'string').pop();
        const key = entry.kubernetes ? site.node : `${last} ${JSON.stringify(site.values)}`;
        if (done.has(key)) continue;
        done.add(key);
        const bad = typeof site.values[0] === 'number' ? Math.max(...site.values) + 1000 : 'MmNotInTheList';
        const copy = documentFor(entry, doc, site.path);
        setAt(copy, site.path, bad);
        const { findings, locator } = validateText(stringify(copy));
        const where = `${entry.id} ${site.path.join('.')}`;
        assert.equal(findings.length, 1, `${where}: ${show(findings)}`);
        assert.equal(findings[0].code, 'MM202', `${where}: ${show(findings)}`);
        const span = locator.value(site.path);
        assert.deepStrictEqual([findings[0].start, findings[0].end], [span.start, span.end], where);
        withEnums.add(entry.id);
        cases++;
      }
    });
  }
  t.diagnostic(`${cases} enums checked in ${withEnums.size} of ${checked().length} served kind/versions`);
  // every kind with an enum upstream had at least one checked (the others declare none)
  const withoutEnums = checked().filter((e) => !withEnums.has(e.id)).map((e) => e.id);
  t.diagnostic(`kind/versions without any enum upstream: ${withoutEnums.join(', ')}`);
});

// ---- coverage ----------------------------------------------------------------------------

test('every CRD file upstream is a generator source (Istio 1.30.3 is checked in (a) against master)', (t) => {
  if (!haveUpstream) return t.skip(SKIP);
  const sources = new Set(generator.SOURCES.flatMap((s) => s.files));
  const upstreamFiles = ['istio', 'linkerd/clean', 'consul', 'gateway-api', 'prometheus-operator']
    .flatMap((dir) => readdirSync(join(UPSTREAM, dir)).filter((f) => f.endsWith('.yaml')).map((f) => `${dir}/${f}`));
  const missing = upstreamFiles.filter((f) => !sources.has(f) && f !== 'istio/crd-all.gen-1.30.3.yaml');
  assert.deepStrictEqual(missing, []);
});

test('index.json: served, storage and deprecated as upstream says, for every CRD version', (t) => {
  if (!haveUpstream) return t.skip(SKIP);
  const byId = new Map(index.map((e) => [`${e.apiVersion} ${e.kind}`, e]));
  for (const k of everyUpstreamKind().filter((x) => !x.kubernetes && !x.id.endsWith('(Istio 1.30.3)'))) {
    const e = byId.get(k.id);
    assert.ok(e, k.id);
    assert.equal(e.served, k.served, k.id);
    assert.equal(e.deprecated === true, k.deprecated, `${k.id}: deprecated`);
    if (!k.deprecated) assert.equal('deprecated' in e, false, `${k.id}: the flag is written only where upstream sets it`);
  }
  const deprecated = index.filter((e) => e.deprecated).map((e) => `${e.apiVersion} ${e.kind}`).sort();
  assert.deepStrictEqual(deprecated, [
    'gateway.networking.k8s.io/v1alpha2 TCPRoute', 'gateway.networking.k8s.io/v1alpha2 TLSRoute',
    'gateway.networking.k8s.io/v1alpha2 UDPRoute', 'gateway.networking.k8s.io/v1alpha3 BackendTLSPolicy',
    'gateway.networking.k8s.io/v1alpha3 TLSRoute', 'policy.linkerd.io/v1alpha1 Server',
    'policy.linkerd.io/v1alpha1 ServerAuthorization', 'policy.linkerd.io/v1beta1 Server',
  ]);
});

test('the kinds of issue 4 all have a schema (ServiceMonitor and PodMonitor have no upstream source)', () => {
  const served = new Set(index.filter((e) => e.served).map((e) => `${e.apiVersion.replace(/\/[^/]+$/, '')} ${e.kind}`));
  const expected = {
    'policy.linkerd.io': ['Server', 'ServerAuthorization', 'AuthorizationPolicy', 'MeshTLSAuthentication', 'NetworkAuthentication',
      'HTTPRoute', 'HTTPLocalRateLimitPolicy', 'EgressNetwork'],
    'linkerd.io': ['ServiceProfile'],
    'workload.linkerd.io': ['ExternalWorkload'],
    'consul.hashicorp.com': ['ServiceDefaults', 'ServiceResolver', 'ServiceRouter', 'ServiceSplitter', 'ServiceIntentions', 'ProxyDefaults',
      'Mesh', 'IngressGateway', 'TerminatingGateway', 'ExportedServices', 'SamenessGroup', 'JWTProvider'],
    'gateway.networking.k8s.io': ['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant', 'TCPRoute', 'TLSRoute', 'UDPRoute',
      'BackendTLSPolicy', 'ListenerSet'],
    apps: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
    batch: ['Job', 'CronJob'],
    '': ['Pod', 'Service', 'Namespace', 'ServiceAccount', 'ConfigMap', 'Secret'],
    'networking.k8s.io': ['NetworkPolicy'],
    autoscaling: ['HorizontalPodAutoscaler'],
    policy: ['PodDisruptionBudget'],
    'monitoring.coreos.com': ['PrometheusRule'],
  };
  const core = (group, kind) => (group ? `${group} ${kind}` : `v1 ${kind}`);
  const missing = Object.entries(expected).flatMap(([group, kinds]) => kinds.map((k) => core(group, k))).filter((k) => !served.has(k));
  assert.deepStrictEqual(missing, []);
  assert.ok(index.some((e) => e.apiVersion === 'autoscaling/v1' && e.kind === 'HorizontalPodAutoscaler' && e.served));
  // not in ../shared/upstream, and no package ships their schema (see scripts/kubernetesSchemas.mjs)
  assert.equal(index.some((e) => e.kind === 'ServiceMonitor' || e.kind === 'PodMonitor'), false);
});

// ---- Kubernetes specifics ------------------------------------------------------------------

test('Kubernetes: quantities, int-or-string, times and metadata as the brief says; no upstream prose', () => {
  const deployment = readJson(join(SCHEMAS, 'apps/v1/Deployment.json'));
  const text = JSON.stringify(deployment);
  const def = (name) => deployment.definitions[name];
  assert.deepStrictEqual(def('core.v1.ResourceRequirements').properties.limits.additionalProperties, { type: ['string', 'number'], format: 'mm-quantity' });
  assert.deepStrictEqual(deployment.properties.spec.properties.strategy.properties.rollingUpdate.properties.maxSurge, { type: ['integer', 'string'] });
  assert.deepStrictEqual(deployment.properties.metadata, { $ref: '#/definitions/ObjectMeta' });
  assert.equal(def('ObjectMeta').additionalProperties, false);
  assert.deepStrictEqual(deployment.properties.status, {});
  assert.ok(!/"description"|"\$ref":"#\/components/.test(text), 'no prose, no unresolved OpenAPI reference');
  // upstream's v3 documents have no enums; the package's declarations give them
  assert.deepStrictEqual(def('core.v1.Container').properties.imagePullPolicy.enum, ['Always', 'IfNotPresent', 'Never']);
  // from kubernetes-models: numbers the compiled validators check as int32
  const job = readJson(join(SCHEMAS, 'batch/v1/Job.json'));
  assert.deepStrictEqual(job.properties.spec.properties.backoffLimit, { type: 'integer', minimum: -2147483648, maximum: 2147483647 });
});

test('kubernetes-models declarations: fields, required, enums, lists, maps and references', () => {
  const { name, node } = kubernetes.readDeclaration(`
    import { IIoK8sApiCoreV1PodTemplateSpec } from "../../v1/PodTemplateSpec.js";
    export interface IWidgetSpec {
      "mode"?: "Fast" | "Slow";
      "count"?: number;
      "tags"?: Array<string>;
      "limits"?: { [key: string]: string; };
      "template": IIoK8sApiCoreV1PodTemplateSpec;
    }
    export type { IWidgetSpec as IIoK8sApiExampleV1WidgetSpec, WidgetSpec as IoK8sApiExampleV1WidgetSpec };`, 'WidgetSpec.d.ts');
  assert.equal(name, 'IoK8sApiExampleV1WidgetSpec');
  assert.deepStrictEqual(node, {
    type: 'object',
    properties: {
      mode: { type: 'string', enum: ['Fast', 'Slow'] },
      count: { type: 'number', 'x-probe': true },
      tags: { type: 'array', items: { type: 'string' } },
      limits: { type: 'object', additionalProperties: { type: 'string' } },
      template: { $ref: '#/components/schemas/IoK8sApiCoreV1PodTemplateSpec' },
    },
    required: ['template'],
  });
  assert.equal(kubernetes.modelName('io.k8s.api.core.v1.PodSpec'), 'IoK8sApiCoreV1PodSpec');
  assert.equal(kubernetes.definitionName('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector'), 'meta.v1.LabelSelector');
});

test('a Secret\'s data and stringData values never appear in a finding', () => {
  const values = { a: 8675309, b: true, c: [1, 2], d: { nested: 'hunter2-secret' }, e: 3.25, f: null };
  const text = stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: values, stringData: values });
  const { findings } = validateText(text);
  assert.equal(findings.length, 10, show(findings)); // five wrong types in each map; null is pruned
  for (const f of findings) {
    assert.equal(f.code, 'MM201');
    assert.equal(f.data, undefined, 'no quick fix carries a value');
    for (const v of ['8675309', 'true', 'hunter2', '3.25']) assert.ok(!f.message.includes(v), f.message);
  }
  // elsewhere the same mistakes are quoted and fixed as usual
  const cm = validateText(stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 8675309 } }));
  assert.deepStrictEqual(cm.findings.map((f) => f.data), [{ replaceWith: '"8675309"' }]);
});

test('a file mixing Istio, Linkerd, Consul, Gateway API and Kubernetes: the CLI gives each document its own kind\'s findings', () => {
  // the same findings as the schema fixture, through the real pipeline (YAML 1.1, document splitting)
  const dir = join(ROOT, 'test/fixtures/schema/multi-document-mixed');
  const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', join(dir, 'input.yaml')], { encoding: 'utf8' });
  const [file] = JSON.parse(run.stdout);
  const schemaFindings = file.diagnostics.filter((d) => /^MM2\d\d$/.test(d.code))
    .map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]);
  const expected = readJson(join(dir, 'expected.json')).map((f) => [f.code, f.line, f.character, f.message]);
  assert.deepStrictEqual(schemaFindings, expected);
  assert.equal(expected.length, 4);
});

if (process.env.MM_DUMP) {
  const e = everyUpstreamKind().find((k) => k.id === process.env.MM_DUMP);
  for (const { doc } of documentsOf(e)) process.stdout.write(`---\n${stringify(doc)}`);
}
