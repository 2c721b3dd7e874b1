// JSON Schemas for the reference server (yaml-language-server), for the same kinds the
// bench file holds, so both servers check the same thing.
//
// yaml-language-server applies every schema mapped to a file to every document in it (all
// of them, as an allOf), so one schema per kind cannot be mapped straight to a multi-kind
// file. We write one combined schema instead: an allOf of `if apiVersion+kind then $ref`,
// so each document meets only its own kind's schema, as our server does.
//
// Where each kind's schema comes from, first match wins:
//   1. the project's own schemas/<group>/<version>/<Kind>.json, as listed in schemas/index.json;
//   2. a stand-in built here from the upstream CRDs and Kubernetes OpenAPI documents in
//      ../shared/upstream/crds, made strict the way kubeconform's -strict is (closed objects),
//      so unknown fields are reported there too;
//   3. nothing: the kind is listed as uncovered and only YAML syntax is checked for it.
// All files are local; nothing here or in the server may be fetched from the network.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const apiVersionOf = (group, version) => (group === '' || group === 'core' ? version : `${group}/${version}`);
const keyOf = (apiVersion, kind) => `${apiVersion}|${kind}`;

/**
 * The project's schemas → Map(key → absolute path): from schemas/index.json
 * ([{ apiVersion, kind, file }]) when it is there, else from the folder layout.
 */
function projectSchemas(schemasDir) {
  const found = new Map();
  if (!existsSync(schemasDir)) return found;
  const indexPath = join(schemasDir, 'index.json');
  if (existsSync(indexPath)) {
    const index = JSON.parse(readFileSync(indexPath, 'utf8'));
    for (const entry of Array.isArray(index) ? index : (index.schemas ?? [])) {
      const path = entry?.file && join(schemasDir, entry.file);
      if (path && existsSync(path)) found.set(keyOf(entry.apiVersion, entry.kind), path);
    }
    return found;
  }
  for (const group of readdirSync(schemasDir)) {
    const groupDir = join(schemasDir, group);
    if (!statSync(groupDir).isDirectory()) continue;
    for (const version of readdirSync(groupDir)) {
      const versionDir = join(groupDir, version);
      if (!statSync(versionDir).isDirectory()) continue;
      for (const file of readdirSync(versionDir)) {
        if (!file.endsWith('.json')) continue;
        found.set(keyOf(apiVersionOf(group, version), file.slice(0, -'.json'.length)), join(versionDir, file));
      }
    }
  }
  return found;
}

/**
 * Closes every object schema that lists its properties and says nothing else about extra
 * ones, as kubeconform -strict does; leaves `x-kubernetes-preserve-unknown-fields` open.
 */
function strictify(node) {
  if (Array.isArray(node)) {
    node.forEach(strictify);
    return node;
  }
  if (node === null || typeof node !== 'object') return node;
  for (const value of Object.values(node)) strictify(value);
  if (node.properties && node.additionalProperties === undefined && !node['x-kubernetes-preserve-unknown-fields']) {
    node.additionalProperties = false;
  }
  return node;
}

function upstreamDir(repoRoot) {
  for (const dir of [resolve(repoRoot, '../shared/upstream/crds'), '/work/shared/upstream/crds']) {
    if (existsSync(dir)) return dir;
  }
  return undefined;
}

/** Istio CRDs → Map(key → schema object), strict, with apiVersion/kind/metadata allowed. */
function istioStandIns(crdFile) {
  const { parseAllDocuments } = require('yaml');
  const out = new Map();
  for (const doc of parseAllDocuments(readFileSync(crdFile, 'utf8'))) {
    const crd = doc.toJS();
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    for (const v of crd.spec.versions ?? []) {
      const schema = v.schema?.openAPIV3Schema;
      if (!schema) continue;
      schema.properties = {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { type: 'object' },
        ...schema.properties,
      };
      out.set(keyOf(apiVersionOf(crd.spec.group, v.name), crd.spec.names.kind), strictify(schema));
    }
  }
  return out;
}

/** One Kubernetes OpenAPI v3 definition as a standalone schema with only what it references. */
function kubernetesStandIn(openApiFile, name) {
  const all = JSON.parse(readFileSync(openApiFile, 'utf8')).components.schemas;
  const definitions = {};
  const pending = [name];
  while (pending.length > 0) {
    const next = pending.pop();
    if (definitions[next] || !all[next]) continue;
    definitions[next] = all[next];
    for (const m of JSON.stringify(all[next]).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) pending.push(m[1]);
  }
  const text = JSON.stringify({ $ref: `#/definitions/${name}`, definitions }).replaceAll('"#/components/schemas/', '"#/definitions/');
  return strictify(JSON.parse(text));
}

const KUBERNETES = [
  { apiVersion: 'apps/v1', kind: 'Deployment', file: 'apis__apps__v1_openapi.json', name: 'io.k8s.api.apps.v1.Deployment' },
  { apiVersion: 'v1', kind: 'Service', file: 'api__v1_openapi.json', name: 'io.k8s.api.core.v1.Service' },
  { apiVersion: 'v1', kind: 'ServiceAccount', file: 'api__v1_openapi.json', name: 'io.k8s.api.core.v1.ServiceAccount' },
  { apiVersion: 'v1', kind: 'Namespace', file: 'api__v1_openapi.json', name: 'io.k8s.api.core.v1.Namespace' },
];

/**
 * Writes `<outDir>/combined.json` covering `kinds` ({ apiVersion, kind }[]) and returns
 * where each kind's schema came from.
 */
export function prepareReferenceSchema({ repoRoot, outDir, kinds }) {
  mkdirSync(outDir, { recursive: true });
  const project = projectSchemas(join(repoRoot, 'schemas'));
  const upstream = upstreamDir(repoRoot);
  let istio;
  const sources = { project: [], standIn: [], uncovered: [] };
  const clauses = [];
  for (const { apiVersion, kind } of kinds) {
    const key = keyOf(apiVersion, kind);
    let path = project.get(key);
    if (path) {
      sources.project.push(`${apiVersion} ${kind}`);
    } else if (upstream) {
      let schema;
      const k8s = KUBERNETES.find((k) => k.apiVersion === apiVersion && k.kind === kind);
      if (k8s) {
        schema = kubernetesStandIn(join(upstream, 'kubernetes', k8s.file), k8s.name);
      } else {
        istio ??= istioStandIns(join(upstream, 'istio', 'crd-all.gen-1.30.3.yaml'));
        schema = istio.get(key);
      }
      if (schema) {
        path = join(outDir, `${apiVersion.replace('/', '_')}_${kind}.json`);
        writeFileSync(path, JSON.stringify(schema));
        sources.standIn.push(`${apiVersion} ${kind}`);
      }
    }
    if (!path) {
      sources.uncovered.push(`${apiVersion} ${kind}`);
      continue;
    }
    clauses.push({
      if: {
        required: ['apiVersion', 'kind'],
        properties: { apiVersion: { const: apiVersion }, kind: { const: kind } },
      },
      then: { $ref: pathToFileURL(path).href },
    });
  }
  const combinedPath = join(outDir, 'combined.json');
  writeFileSync(combinedPath, JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', allOf: clauses }, null, 1));
  return { combinedUri: pathToFileURL(combinedPath).href, sources };
}
