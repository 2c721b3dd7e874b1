#!/usr/bin/env node
// Turns upstream CustomResourceDefinitions (Istio, Linkerd, Consul, Gateway API, Prometheus
// Operator) and Kubernetes' built-in kinds (kubernetesSchemas.mjs) into one JSON Schema
// (draft-07, for ajv 8) per group/version/kind under schemas/, plus schemas/index.json with
// each version's served/storage/deprecated flags. Only structural facts are kept (names,
// types, enums, nesting, required, bounds, defaults, patterns): upstream prose (description,
// title, examples) never reaches schemas/, and a test checks that. The output is
// deterministic: the same inputs give the same bytes.
//
//   node scripts/generateSchemas.mjs
//
// Reads the CRDs and OpenAPI documents in place from ../shared/upstream/crds (relative to the
// project root), and the kubernetes-models devDependency from node_modules.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { KUBERNETES_SOURCES, generateKubernetes } from './kubernetesSchemas.mjs';

export { KUBERNETES_SOURCES };

/**
 * What to convert, relative to ../shared/upstream/crds: every CRD file there (the conformance
 * test checks that none is left out). Istio's crd-all.gen-1.30.3.yaml is the release users run;
 * it is a conformance input, not a source: master (crd-all.gen.yaml) accepts everything it does.
 */
export const SOURCES = [
  { mesh: 'istio', files: ['istio/crd-all.gen.yaml'] },
  {
    // the Helm chart's templates with their `{{` lines removed (the specs are untouched)
    mesh: 'linkerd',
    files: [
      'authorization-policy', 'egress-network', 'external-workload', 'http-local-ratelimit-policy', 'httproute',
      'meshtls-authentication', 'network-authentication', 'server-authorization', 'server', 'serviceprofile',
    ].map((name) => `linkerd/clean/${name}.yaml`),
  },
  {
    mesh: 'consul',
    files: [
      'exportedservices', 'ingressgateways', 'jwtproviders', 'meshes', 'proxydefaults', 'samenessgroups',
      'servicedefaults', 'serviceintentions', 'serviceresolvers', 'servicerouters', 'servicesplitters', 'terminatinggateways',
    ].map((name) => `consul/consul.hashicorp.com_${name}.yaml`),
  },
  {
    // v1.6.1, standard channel
    mesh: 'gateway-api',
    files: [
      'backendtlspolicies', 'gatewayclasses', 'gateways', 'grpcroutes', 'httproutes', 'listenersets',
      'referencegrants', 'tcproutes', 'tlsroutes', 'udproutes',
    ].map((name) => `gateway-api/gateway.networking.k8s.io_${name}.yaml`),
  },
  // ServiceMonitor and PodMonitor: no upstream source (see the note atop kubernetesSchemas.mjs)
  { mesh: 'prometheus-operator', files: ['prometheus-operator/monitoring.coreos.com_prometheusrules.yaml'] },
];

/**
 * Facts a CRD does not carry but its controller enforces, laid over the CRD's schema before it
 * is converted: `<group>/<kind>` → [path of field names under the version's schema, what to set].
 */
export const CRD_OVERLAYS = {
  // The CRD says only `type: string`; the policy controller deserialises the field into its
  // ProxyProtocol enum (linkerd2 policy-controller/k8s/api/src/policy/server.rs, serde names)
  // and rejects any other value.
  'policy.linkerd.io/Server': [
    [['spec', 'proxyProtocol'], { enum: ['unknown', 'HTTP/1', 'HTTP/2', 'gRPC', 'opaque', 'TLS'] }],
  ],
};

/** A copy of `schema` with the overlays of `group/kind` applied (the input is left as is). */
export function applyOverlays(group, kind, schema) {
  const overlays = CRD_OVERLAYS[`${group}/${kind}`];
  if (!overlays || !schema) return schema;
  const copy = structuredClone(schema);
  for (const [path, facts] of overlays) {
    let node = copy;
    for (const name of path) node = node?.properties?.[name];
    if (!node) throw new Error(`overlay ${group}/${kind} ${path.join('.')}: no such field upstream`);
    Object.assign(node, facts);
  }
  return copy;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const UPSTREAM = resolve(ROOT, '../shared/upstream/crds');
const OUT = join(ROOT, 'schemas');
/** The kubernetes-models package (a devDependency): Kubernetes kinds upstream/ has no OpenAPI document for. */
export const MODELS_DIR = join(ROOT, 'node_modules/kubernetes-models');

// Go's time.ParseDuration grammar; `format` values we map to it.
const DURATION_FORMATS = new Set(['duration']);
// Formats that only say how a number is stored; int32/uint32 become bounds.
const INT_BOUNDS = { int32: [-2147483648, 2147483647], uint32: [0, 4294967295] };
const KEPT_KEYWORDS = [
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
];
// Keywords we drop on purpose: prose, and Kubernetes extensions that are no check of ours (yet).
const IGNORED = new Set([
  'description', 'title', 'example', 'examples', 'externalDocs',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type',
  'x-kubernetes-embedded-resource', 'x-kubernetes-patch-strategy', 'x-kubernetes-patch-merge-key',
  // Kubernetes OpenAPI documents: which kind a definition is (we know), and discriminated unions
  // (SeccompProfile's only, and the API server's Go code checks it, not the schema)
  'x-kubernetes-group-version-kind', 'x-kubernetes-unions',
]);

// Keywords convert() reads and turns into something else (or into nothing, on purpose).
const CONSUMED = new Set([
  'type', 'nullable', 'enum', 'format', 'pattern', 'properties', 'required', 'additionalProperties', 'items', 'default',
  'oneOf', 'anyOf', 'allOf', 'not', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-validations',
]);

/** A report of what could not be carried over; printed at the end, never written to schemas/. */
export function createReport() {
  return {
    droppedPatterns: new Map(), // pattern → count
    droppedFormats: new Map(),
    droppedCel: new Map(), // rule → count
    droppedCombinators: [], // "Kind/version path: shape"
    unknownKeywords: new Map(),
    kubernetesNotes: [], // where the OpenAPI documents and kubernetes-models disagree on fields
  };
}

function bump(map, key) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function requiredNames(schema) {
  const keys = Object.keys(schema ?? {});
  if (keys.length !== 1 || keys[0] !== 'required' || !Array.isArray(schema.required)) return undefined;
  return schema.required.length === 1 ? schema.required[0] : undefined;
}

/**
 * Istio's protoc-gen-crd writes "at most one of a, b, c" as
 * oneOf: [ {not: {anyOf: [{required:[a]}, {required:[b]}, ...]}}, {required:[a]}, {required:[b]}, ... ].
 * Returns [a, b, c], or undefined for any other shape.
 */
export function atMostOneOf(oneOf) {
  if (!Array.isArray(oneOf) || oneOf.length < 2) return undefined;
  const [first, ...rest] = oneOf;
  if (!first || Object.keys(first).length !== 1 || !first.not) return undefined;
  const not = first.not;
  if (Object.keys(not).length !== 1 || !Array.isArray(not.anyOf)) return undefined;
  const inner = not.anyOf.map(requiredNames);
  const outer = rest.map(requiredNames);
  if (inner.includes(undefined) || outer.includes(undefined)) return undefined;
  if (inner.length !== outer.length || inner.some((n, i) => n !== outer[i])) return undefined;
  return outer;
}

/** oneOf: [{required:[a]}, {required:[b]}] — exactly one of a, b (controller-gen output). */
export function exactlyOneOf(oneOf) {
  if (!Array.isArray(oneOf) || oneOf.length < 2) return undefined;
  const names = oneOf.map(requiredNames);
  return names.includes(undefined) ? undefined : names;
}

function isIntOrStringAnyOf(anyOf) {
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return false;
  const types = anyOf.map((s) => (Object.keys(s).length === 1 ? s.type : undefined)).sort();
  return types[0] === 'integer' && types[1] === 'string';
}

function patternCompiles(pattern) {
  try {
    // ajv compiles patterns with the `u` flag
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** The minimum of a CEL rule `duration(self) >= duration('1ms')`, if that is the rule. */
function celDurationMin(rule) {
  const m = /^\s*duration\(self\)\s*>=?\s*duration\(['"]([^'"]+)['"]\)\s*$/.exec(rule);
  return m ? m[1] : undefined;
}

/**
 * Converts one OpenAPI v3 (structural, Kubernetes flavour) schema node to draft-07.
 * `where` is a readable location for the report. Options, for the Kubernetes OpenAPI documents
 * (a CRD needs none):
 *   resolve(node, where)  a replacement for a node that refers elsewhere (`$ref`), else undefined
 *   openObjects           an object that declares no fields takes any (a CRD's such object takes
 *                         none: the API server prunes them; the built-in types mean "anything")
 *   dropDefaults          leave `default` out (the OpenAPI documents put `default: {}` on most refs)
 */
export function convert(node, report, where = '', options = {}) {
  if (node === true || node === false) return node;
  if (!node || typeof node !== 'object') return {};
  const resolved = options.resolve?.(node, where);
  if (resolved !== undefined) return resolved;
  const out = {};
  const nullable = node.nullable === true;
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;

  // type
  let type = node.type;
  if (node['x-kubernetes-int-or-string'] === true || isIntOrStringAnyOf(node.anyOf)) type = ['integer', 'string'];
  if (type !== undefined) {
    const types = Array.isArray(type) ? [...type] : [type];
    if (nullable && !types.includes('null')) types.push('null');
    out.type = types.length === 1 ? types[0] : types;
  }

  if (Array.isArray(node.enum)) {
    out.enum = nullable && !node.enum.includes(null) ? [...node.enum, null] : [...node.enum];
  }
  if ('const' in node) out.const = node.const;

  // format
  let durationMin;
  for (const v of node['x-kubernetes-validations'] ?? []) {
    if (typeof v?.rule !== 'string') continue;
    if (/\bduration\(self\)/.test(v.rule)) {
      out.format = 'mm-duration';
      const min = celDurationMin(v.rule);
      if (min !== undefined) durationMin = min;
      else bump(report.droppedCel, v.rule.replace(/\s+/g, ' '));
    } else {
      bump(report.droppedCel, v.rule.replace(/\s+/g, ' '));
    }
  }
  if (typeof node.format === 'string') {
    if (DURATION_FORMATS.has(node.format)) out.format = 'mm-duration';
    else if (INT_BOUNDS[node.format] && (node.type === 'integer' || node.type === undefined)) {
      const [lo, hi] = INT_BOUNDS[node.format];
      if (node.minimum === undefined) out.minimum = lo;
      if (node.maximum === undefined) out.maximum = hi;
    } else if (!['double', 'float', 'int64'].includes(node.format)) bump(report.droppedFormats, node.format);
  }
  if (durationMin !== undefined) out['x-mm-duration-min'] = durationMin;

  if (typeof node.pattern === 'string') {
    if (patternCompiles(node.pattern)) out.pattern = node.pattern;
    else bump(report.droppedPatterns, node.pattern);
  }

  for (const k of KEPT_KEYWORDS) {
    if (node[k] !== undefined) out[k] = node[k];
  }
  // OpenAPI 3.0 writes exclusive bounds as booleans next to minimum/maximum
  if (node.exclusiveMinimum === true && typeof node.minimum === 'number') {
    out.exclusiveMinimum = node.minimum;
    delete out.minimum;
  } else if (typeof node.exclusiveMinimum === 'boolean') delete out.exclusiveMinimum;
  if (node.exclusiveMaximum === true && typeof node.maximum === 'number') {
    out.exclusiveMaximum = node.maximum;
    delete out.maximum;
  } else if (typeof node.exclusiveMaximum === 'boolean') delete out.exclusiveMaximum;

  if ('default' in node && !options.dropDefaults) out.default = node.default;

  // objects
  const hasProps = node.properties && typeof node.properties === 'object';
  if (hasProps) {
    out.properties = {};
    for (const [name, child] of Object.entries(node.properties)) {
      out.properties[name] = convert(child, report, `${where}.${name}`, options);
    }
  }
  const isObject = node.type === 'object' || (node.type === undefined && hasProps);
  if (Array.isArray(node.required) && node.required.length > 0) {
    // upstream sometimes puts `required` on a list (Linkerd's ServiceProfile); it means nothing there
    if (isObject) out.required = [...node.required];
    else bump(report.unknownKeywords, `required on a ${node.type} (${where})`);
  }

  if (node.additionalProperties !== undefined && node.additionalProperties !== false) {
    out.additionalProperties = convert(node.additionalProperties, report, `${where}.*`, options);
  } else if (isObject && !preserve && !(options.openObjects && !hasProps)) {
    out.additionalProperties = false;
  }

  if (node.items !== undefined) out.items = convert(node.items, report, `${where}[]`, options);

  // combinators
  const exclusive = [];
  const exactlyOne = [];
  const handleOneOf = (oneOf, at) => {
    const atMost = atMostOneOf(oneOf);
    if (atMost) return exclusive.push(atMost);
    const exact = exactlyOneOf(oneOf);
    if (exact) return exactlyOne.push(exact);
    report.droppedCombinators.push(`${at}: oneOf ${JSON.stringify(oneOf).slice(0, 160)}`);
  };
  if (node.oneOf) handleOneOf(node.oneOf, where);
  for (const part of node.allOf ?? []) {
    if (part && Object.keys(part).length === 1 && part.oneOf) handleOneOf(part.oneOf, where);
    else report.droppedCombinators.push(`${where}: allOf part ${JSON.stringify(part).slice(0, 160)}`);
  }
  if (node.anyOf && !isIntOrStringAnyOf(node.anyOf)) {
    report.droppedCombinators.push(`${where}: anyOf ${JSON.stringify(node.anyOf).slice(0, 160)}`);
  }
  if (node.not) report.droppedCombinators.push(`${where}: not ${JSON.stringify(node.not).slice(0, 160)}`);
  if (exclusive.length) out['x-mm-exclusive'] = exclusive;
  if (exactlyOne.length) out['x-mm-exactly-one'] = exactlyOne;

  for (const k of Object.keys(node)) {
    if (!IGNORED.has(k) && !CONSUMED.has(k) && !(k in out)) bump(report.unknownKeywords, k);
  }
  return out;
}

/** Kubernetes ObjectMeta, written from the field list of meta/v1 (strict: the API server rejects unknown fields). */
export function objectMetaSchema() {
  const stringMap = { type: ['object', 'null'], additionalProperties: { type: 'string' } };
  const time = { type: ['string', 'null'] };
  return {
    type: 'object',
    properties: {
      name: { type: 'string', maxLength: 253, format: 'mm-dns-subdomain' },
      generateName: { type: 'string' },
      namespace: { type: 'string', maxLength: 63, format: 'mm-dns-label' },
      selfLink: { type: 'string' },
      uid: { type: 'string' },
      resourceVersion: { type: 'string' },
      generation: { type: 'integer' },
      creationTimestamp: time,
      deletionTimestamp: time,
      deletionGracePeriodSeconds: { type: 'integer' },
      labels: stringMap,
      annotations: stringMap,
      ownerReferences: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            apiVersion: { type: 'string' },
            kind: { type: 'string' },
            name: { type: 'string' },
            uid: { type: 'string' },
            controller: { type: 'boolean' },
            blockOwnerDeletion: { type: 'boolean' },
          },
          required: ['apiVersion', 'kind', 'name', 'uid'],
          additionalProperties: false,
        },
      },
      finalizers: { type: 'array', items: { type: 'string' } },
      managedFields: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            manager: { type: 'string' },
            operation: { type: 'string' },
            apiVersion: { type: 'string' },
            time: { type: 'string' },
            fieldsType: { type: 'string' },
            fieldsV1: { type: 'object' },
            subresource: { type: 'string' },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}

// Subschemas at least this long (as JSON) that occur more than once move to `definitions`.
const SHARED_MIN_LENGTH = 300;

/**
 * Moves repeated object subschemas into `definitions` and refers to them with `$ref`.
 * Istio's DestinationRule repeats its traffic policy four times and Gateway API's routes
 * repeat their filters; compiled once, they cut ajv's compile time and the file size.
 */
export function shareRepeats(schema) {
  const counts = new Map();
  const count = (node) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    if (node.properties) {
      const text = JSON.stringify(node);
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    for (const child of Object.values(node.properties ?? {})) count(child);
    count(node.items);
    if (typeof node.additionalProperties === 'object') count(node.additionalProperties);
  };
  count(schema);

  const definitions = {};
  const nameOf = new Map(); // original JSON → definition name
  const used = new Set();
  const share = (node, name) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
    const original = node.properties ? JSON.stringify(node) : undefined;
    const out = { ...node };
    if (node.properties) {
      out.properties = {};
      for (const [k, child] of Object.entries(node.properties)) out.properties[k] = share(child, k);
    }
    if (node.items) out.items = share(node.items, `${name}Item`);
    if (typeof node.additionalProperties === 'object') out.additionalProperties = share(node.additionalProperties, `${name}Value`);
    if (original === undefined || original.length < SHARED_MIN_LENGTH || (counts.get(original) ?? 0) < 2) return out;
    let def = nameOf.get(original);
    if (!def) {
      def = name;
      for (let i = 2; used.has(def); i++) def = `${name}${i}`;
      used.add(def);
      nameOf.set(original, def);
      definitions[def] = out;
    }
    return { $ref: `#/definitions/${def}` };
  };
  const root = { ...schema, properties: {} };
  for (const [k, child] of Object.entries(schema.properties)) root.properties[k] = share(child, k);

  // A repeat that only repeated inside another repeat is now referenced once: put it back.
  const refs = new Map();
  const countRefs = (node) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') refs.set(node.$ref, (refs.get(node.$ref) ?? 0) + 1);
    for (const v of Object.values(node)) countRefs(v);
  };
  countRefs(root);
  countRefs(definitions);
  const inline = (node) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
    if (typeof node.$ref === 'string' && refs.get(node.$ref) === 1) {
      return inline(definitions[node.$ref.slice('#/definitions/'.length)]);
    }
    const out = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === 'properties' || k === 'definitions'
      ? Object.fromEntries(Object.entries(v).map(([n, c]) => [n, inline(c)]))
      : inline(v);
    return out;
  };
  const kept = Object.keys(definitions).filter((d) => refs.get(`#/definitions/${d}`) > 1).sort();
  if (kept.length === 0) return inline(root);
  return { ...inline(root), definitions: Object.fromEntries(kept.map((d) => [d, inline(definitions[d])])) };
}

/** One schema per version of a CRD object (served or not; the index says which). */
export function convertCrd(crd, report) {
  const group = crd.spec.group;
  const kind = crd.spec.names.kind;
  const out = [];
  for (const version of crd.spec.versions ?? []) {
    const apiVersion = group ? `${group}/${version.name}` : version.name;
    const source = applyOverlays(group, kind, version.schema?.openAPIV3Schema ?? crd.spec.validation?.openAPIV3Schema ?? {});
    const properties = {
      apiVersion: { type: 'string', const: apiVersion },
      kind: { type: 'string', const: kind },
      metadata: objectMetaSchema(),
    };
    for (const [name, child] of Object.entries(source.properties ?? {})) {
      if (name in properties) continue;
      // status is written by controllers, not by users: accept anything
      properties[name] = name === 'status' ? {} : convert(child, report, `${kind}/${version.name} ${name}`);
    }
    const required = ['apiVersion', 'kind', ...(source.required ?? []).filter((r) => r !== 'apiVersion' && r !== 'kind')];
    out.push({
      group,
      version: version.name,
      kind,
      served: version.served !== false,
      storage: version.storage === true,
      deprecated: version.deprecated === true,
      schema: shareRepeats({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties,
        required,
        additionalProperties: false,
      }),
    });
  }
  return out;
}

/** Kubernetes version priority: GA before beta before alpha, higher numbers first. */
export function compareKubeVersions(a, b) {
  const parse = (v) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [3, 0, 0, v];
    const level = m[2] === undefined ? 0 : m[2] === 'beta' ? 1 : 2;
    return [level, -Number(m[1]), -Number(m[3] ?? 0), v];
  };
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return pa[3] < pb[3] ? -1 : pa[3] > pb[3] ? 1 : 0;
}

/** The schema file of a result, relative to schemas/ (the core group's kinds under `core/`). */
export const schemaFile = (r) => `${r.group || 'core'}/${r.version}/${r.kind}.json`;

/** A result's line in schemas/index.json; `deprecated` only where upstream marks the version so. */
export function indexEntry(r) {
  const entry = { apiVersion: r.group ? `${r.group}/${r.version}` : r.version, kind: r.kind, file: schemaFile(r), served: r.served, storage: r.storage };
  return r.deprecated ? { ...entry, deprecated: true } : entry;
}

/**
 * Reads every CRD of the SOURCES table and every kind of the Kubernetes table (pass
 * `kubernetes: []` for CRDs only); returns the schemas in a stable order.
 */
export function generate(sources, upstreamDir, report, { kubernetes = KUBERNETES_SOURCES, modelsDir = MODELS_DIR } = {}) {
  const results = [];
  if (kubernetes.length) results.push(...generateKubernetes(upstreamDir, modelsDir, convert, objectMetaSchema, report, kubernetes));
  for (const source of sources) {
    for (const file of source.files) {
      const text = readFileSync(join(upstreamDir, file), 'utf8');
      for (const doc of parseAllDocuments(text)) {
        if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
        const crd = doc.toJS({ maxAliasCount: -1 });
        if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
        results.push(...convertCrd(crd, report));
      }
    }
  }
  results.sort((a, b) =>
    a.group < b.group ? -1 : a.group > b.group ? 1
      : a.kind < b.kind ? -1 : a.kind > b.kind ? 1
        : compareKubeVersions(a.version, b.version));
  return results;
}

function listJson(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

function removeEmptyDirs(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const sub = join(dir, e.name);
    removeEmptyDirs(sub);
    if (readdirSync(sub).length === 0) rmSync(sub, { recursive: true });
  }
}

function printReport(report, count) {
  const lines = [`wrote ${count} schemas and index.json to schemas/`];
  const section = (title, map) => {
    if (map.size === 0) return;
    lines.push(`${title}:`);
    for (const [k, n] of [...map].sort((a, b) => b[1] - a[1])) lines.push(`  ${n}× ${k}`);
  };
  section('patterns JavaScript cannot compile (dropped)', report.droppedPatterns);
  section('formats without a check (dropped)', report.droppedFormats);
  section('unknown keywords (dropped)', report.unknownKeywords);
  section('CEL rules without a check (dropped)', report.droppedCel);
  if (report.kubernetesNotes.length) {
    lines.push('Kubernetes: OpenAPI documents (1.35) and kubernetes-models disagree on these fields:');
    for (const n of report.kubernetesNotes) lines.push(`  ${n}`);
  }
  if (report.droppedCombinators.length) {
    lines.push('combinators not understood (dropped):');
    for (const c of report.droppedCombinators) lines.push(`  ${c}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function main() {
  if (!existsSync(UPSTREAM)) {
    process.stderr.write(`generateSchemas: ${relative(process.cwd(), UPSTREAM) || UPSTREAM} not found; ` +
      'the upstream CRDs must sit in ../shared/upstream/crds next to the project.\n');
    process.exit(1);
  }
  const report = createReport();
  const results = generate(SOURCES, UPSTREAM, report);
  const written = new Set();
  const index = [];
  for (const r of results) {
    const target = join(OUT, schemaFile(r));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${JSON.stringify(r.schema)}\n`);
    written.add(target);
    index.push(indexEntry(r));
  }
  const indexFile = join(OUT, 'index.json');
  writeFileSync(indexFile, `[\n${index.map((e) => ` ${JSON.stringify(e)}`).join(',\n')}\n]\n`);
  written.add(indexFile);
  for (const stale of listJson(OUT)) if (!written.has(stale)) rmSync(stale);
  removeEmptyDirs(OUT);
  printReport(report, results.length);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
