// Kubernetes' built-in kinds for scripts/generateSchemas.mjs. Two upstream sources:
//
// - the Kubernetes 1.35 OpenAPI v3 documents in ../shared/upstream/crds/kubernetes (core/v1,
//   apps/v1, networking.k8s.io/v1): the fields, types, formats and required lists;
// - the npm package kubernetes-models (a devDependency, read from node_modules; 5.1.0 is made
//   from a newer Kubernetes than 1.35: the generator prints the fields where the two differ),
//   generated from upstream's OpenAPI (swagger) document, for the groups upstream/ lacks (batch/v1,
//   autoscaling/v1 and v2, policy/v1) and for enums: upstream's v3 documents carry no `enum`
//   (the values are only prose), the swagger document the package is made from does. The
//   package ships no JSON Schema, only TypeScript declarations (*.d.ts: fields, required,
//   enums, references) and compiled validators (_schemas/*.js); we read the declarations and
//   ask the compiled validators what a `number` is (integer? int32?).
//
// Not covered: ServiceMonitor and PodMonitor (monitoring.coreos.com). upstream/ holds only the
// PrometheusRule CRD, and @kubernetes-models/prometheus-operator is the same kind of package
// (no JSON Schema, and made from the operator's Go types, not its CRDs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/**
 * The kinds, with their source: `openapi` (a file in upstream/crds) or `models` (a folder of
 * the kubernetes-models package). `preferred`: the version kubectl uses for the kind, written
 * as `storage` in the index (built-in kinds have no storage flag in OpenAPI).
 */
export const KUBERNETES_SOURCES = [
  { openapi: 'kubernetes/api__v1_openapi.json', group: '', version: 'v1', kinds: ['ConfigMap', 'Namespace', 'Pod', 'Secret', 'Service', 'ServiceAccount'] },
  { openapi: 'kubernetes/apis__apps__v1_openapi.json', group: 'apps', version: 'v1', kinds: ['DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'] },
  { openapi: 'kubernetes/apis__networking.k8s.io__v1_openapi.json', group: 'networking.k8s.io', version: 'v1', kinds: ['NetworkPolicy'] },
  { models: 'batch/v1', group: 'batch', version: 'v1', kinds: ['CronJob', 'Job'] },
  { models: 'autoscaling/v2', group: 'autoscaling', version: 'v2', kinds: ['HorizontalPodAutoscaler'] },
  { models: 'autoscaling/v1', group: 'autoscaling', version: 'v1', kinds: ['HorizontalPodAutoscaler'], preferred: false },
  { models: 'policy/v1', group: 'policy', version: 'v1', kinds: ['PodDisruptionBudget'] },
];

/** Package folders whose declarations give enums to the OpenAPI documents' definitions. */
const ENUM_FOLDERS = ['v1', 'apps/v1', 'networking.k8s.io/v1'];

const REF_PREFIX = '#/components/schemas/';
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** Definitions we do not convert field by field. */
const SPECIAL = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': () => ({ type: ['integer', 'string'] }),
  // a number in YAML (`cpu: 1`) is a quantity too; a string must have Kubernetes' quantity syntax
  'io.k8s.apimachinery.pkg.api.resource.Quantity': () => ({ type: ['string', 'number'], format: 'mm-quantity' }),
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': () => ({ type: 'string' }),
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': () => ({ type: 'string' }),
  'io.k8s.apimachinery.pkg.runtime.RawExtension': () => ({}),
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': () => ({}),
};

/** `io.k8s.api.core.v1.PodSpec` → `IoK8sApiCoreV1PodSpec`, the package's name for it. */
export const modelName = (id) => id.split('.').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');

/** `io.k8s.api.core.v1.PodSpec` → `core.v1.PodSpec`, the name in a schema's `definitions`. */
export const definitionName = (id) => id.replace(/^io\.k8s\.api\./, '').replace(/^io\.k8s\.apimachinery\.pkg\.apis\./, '');

/** The OpenAPI id the package's file `batch/v1/JobSpec.d.ts` declares. */
function idOfModelFile(folder, name) {
  const [group, version] = folder.includes('/') ? folder.split('/') : ['core', folder];
  return `io.k8s.api.${group.split('.')[0]}.${version}.${name}`;
}

// ---- reading the package's declarations ---------------------------------------------------

function literalValue(node) {
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return node.literal.text;
  return undefined;
}

/** A TypeScript type from a declaration as an OpenAPI node; references become `$ref`s by package name. */
function typeToNode(type, where) {
  switch (type.kind) {
    case ts.SyntaxKind.StringKeyword: return { type: 'string' };
    case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' };
    // integer or not, and its bounds: the compiled validators say (see probeNumbers)
    case ts.SyntaxKind.NumberKeyword: return { type: 'number', 'x-probe': true };
    default: break;
  }
  const literal = literalValue(type);
  if (literal !== undefined) return { type: 'string', enum: [literal] };
  if (ts.isUnionTypeNode(type)) {
    const values = type.types.map(literalValue);
    if (values.every((v) => v !== undefined)) return { type: 'string', enum: values };
  }
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const name = type.typeName.text;
    if (name === 'Array' && type.typeArguments?.length === 1) return { type: 'array', items: typeToNode(type.typeArguments[0], `${where}[]`) };
    if (/^IIoK8s/.test(name) && !type.typeArguments) return { $ref: `${REF_PREFIX}${name.slice(1)}` };
  }
  if (ts.isTypeLiteralNode(type) && type.members.length === 1 && ts.isIndexSignatureDeclaration(type.members[0])) {
    return { type: 'object', additionalProperties: typeToNode(type.members[0].type, `${where}.*`) };
  }
  // StatefulSet's volumeClaimTemplates: a PersistentVolumeClaim written out in place
  if (ts.isTypeLiteralNode(type)) return objectNode(type.members, where);
  throw new Error(`kubernetes-models: ${where}: a type the generator does not know: ${ts.SyntaxKind[type.kind]}`);
}

/** The interface a declaration file exports as the package's OpenAPI-named type, as an OpenAPI node. */
export function readDeclaration(text, fileName) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  let exported;
  for (const s of source.statements) {
    if (!ts.isExportDeclaration(s) || !s.exportClause || !ts.isNamedExports(s.exportClause)) continue;
    for (const e of s.exportClause.elements) {
      if (e.propertyName && /^IIoK8s/.test(e.name.text)) exported = { local: e.propertyName.text, name: e.name.text.slice(1) };
    }
  }
  if (!exported) return undefined;
  const iface = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === exported.local);
  if (!iface) throw new Error(`kubernetes-models: ${fileName}: no interface ${exported.local}`);
  return { name: exported.name, node: objectNode(iface.members, exported.name) };
}

/** The properties of an interface or type literal; those without `?` are required. */
function objectNode(members, where) {
  const properties = {};
  const required = [];
  for (const m of members) {
    if (!ts.isPropertySignature(m) || !m.type) throw new Error(`kubernetes-models: ${where}: unexpected member`);
    const name = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : undefined;
    if (name === undefined) throw new Error(`kubernetes-models: ${where}: unexpected property name`);
    properties[name] = typeToNode(m.type, `${where}.${name}`);
    if (!m.questionToken) required.push(name);
  }
  const node = { type: 'object', properties };
  if (required.length) node.required = required;
  return node;
}

/** Every declaration of the package's folders, by the package's name for its type. */
function readModels(modelsDir, folders) {
  const byName = new Map();
  for (const folder of folders) {
    const dir = join(modelsDir, folder);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.d.ts') && f !== 'index.d.ts').sort()) {
      const read = readDeclaration(readFileSync(join(dir, file), 'utf8'), `${folder}/${file}`);
      if (!read) continue;
      const id = idOfModelFile(folder, file.slice(0, -'.d.ts'.length));
      if (modelName(id) !== read.name) throw new Error(`kubernetes-models: ${folder}/${file} declares ${read.name}, expected ${modelName(id)}`);
      byName.set(read.name, { id, node: read.node });
    }
  }
  return byName;
}

/**
 * For every `number` the declarations have, asks the package's compiled validator whether 0.5
 * is refused as no integer and 2^31 as no int32. The validators are ES modules; a child process
 * keeps generate() synchronous.
 */
function probeNumbers(modelsDir, probes) {
  if (probes.length === 0) return [];
  const script = `
    const probes = JSON.parse(process.argv[1]);
    const out = [];
    for (const p of probes) {
      const { validate } = await import(new URL('_schemas/' + p.model + '.js', ${JSON.stringify(pathToFileURL(`${modelsDir}/`).href)}));
      const at = (value) => {
        let data = value;
        for (const s of [...p.path].reverse()) data = typeof s === 'number' ? [data] : { [s]: data };
        validate(data);
        const pointer = '/' + p.path.join('/');
        return (validate.errors ?? []).filter((e) => e.instancePath === pointer);
      };
      out.push({
        integer: at(0.5).some((e) => e.keyword === 'type' && e.params.type === 'integer'),
        int32: at(2147483648).some((e) => e.keyword === 'format' && e.params.format === 'int32'),
      });
    }
    process.stdout.write(JSON.stringify(out));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(probes)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`kubernetes-models: probing the compiled validators failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Replaces each `x-probe` number of the package's definitions with what its validator checks. */
function settleNumbers(modelsDir, definitions) {
  const probes = [];
  const sites = [];
  const visit = (node, model, path) => {
    if (node['x-probe']) {
      probes.push({ model, path });
      sites.push(node);
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) visit(child, model, [...path, name]);
    if (node.items) visit(node.items, model, [...path, 0]);
  };
  for (const [id, def] of definitions) if (def.fromModels) visit(def.node, modelName(id), []);
  probeNumbers(modelsDir, probes).forEach((answer, i) => {
    const node = sites[i];
    delete node['x-probe'];
    if (answer.integer) node.type = 'integer';
    if (answer.int32) node.format = 'int32';
  });
}

// ---- the definitions both sources give ----------------------------------------------------

/**
 * Every definition reachable from the kinds of `sources`: the OpenAPI documents' (with the
 * package's enums laid over them) and the package's for what the documents lack.
 * `notes` collects where the two disagree on a definition's fields (version skew).
 */
export function loadKubernetesDefinitions(upstreamDir, modelsDir, sources = KUBERNETES_SOURCES, notes = []) {
  if (!existsSync(join(modelsDir, 'package.json'))) {
    throw new Error(`${modelsDir} not found: run npm install (kubernetes-models is a devDependency)`);
  }
  const definitions = new Map(); // id → { node, fromModels }
  for (const s of sources.filter((x) => x.openapi)) {
    const doc = JSON.parse(readFileSync(join(upstreamDir, s.openapi), 'utf8'));
    for (const [id, node] of Object.entries(doc.components.schemas)) {
      const held = definitions.get(id);
      if (held && JSON.stringify(held.node) !== JSON.stringify(node)) notes.push(`${id}: differs between the OpenAPI documents; the first is used`);
      if (!held) definitions.set(id, { node, fromModels: false });
    }
  }
  const models = readModels(modelsDir, [...new Set([...ENUM_FOLDERS, ...sources.filter((x) => x.models).map((x) => x.models)])]);
  const byModelName = new Map([...definitions.keys()].map((id) => [modelName(id), id]));
  for (const { id } of models.values()) byModelName.set(modelName(id), id);
  const toIds = (node) => {
    if (node.$ref) node.$ref = REF_PREFIX + (byModelName.get(node.$ref.slice(REF_PREFIX.length)) ?? node.$ref.slice(REF_PREFIX.length));
    for (const child of Object.values(node.properties ?? {})) toIds(child);
    if (node.items) toIds(node.items);
    if (node.additionalProperties) toIds(node.additionalProperties);
  };
  for (const { id, node } of models.values()) {
    toIds(node);
    const held = definitions.get(id);
    if (!held) {
      definitions.set(id, { node, fromModels: true });
      continue;
    }
    overlayEnums(id, held.node, node, notes);
  }
  settleNumbers(modelsDir, definitions);
  return definitions;
}

/** Enums of the package's declaration onto the OpenAPI definition, field by field. */
function overlayEnums(id, target, model, notes) {
  const props = target.properties ?? {};
  for (const [name, m] of Object.entries(model.properties ?? {})) {
    const t = props[name];
    if (!t) {
      if (name !== 'apiVersion' && name !== 'kind') notes.push(`${id}.${name}: in kubernetes-models, not in the OpenAPI document`);
      continue;
    }
    // the package types an object's own apiVersion/kind as literals; those are no enum of the API
    if (name === 'apiVersion' || name === 'kind') continue;
    if (m.enum && t.type === 'string' && !t.enum) t.enum = m.enum;
    if (m.items?.enum && t.type === 'array' && t.items?.type === 'string' && !t.items.enum) t.items.enum = m.items.enum;
  }
  for (const name of Object.keys(props)) {
    if (!(name in (model.properties ?? {}))) notes.push(`${id}.${name}: in the OpenAPI document, not in kubernetes-models (its enums, if any, are unknown)`);
  }
}

// ---- one kind -----------------------------------------------------------------------------

/** The id a node refers to: `$ref`, or the documents' `allOf: [{$ref}]` wrapper. */
function referenceOf(node) {
  if (typeof node.$ref === 'string') return node.$ref.slice(REF_PREFIX.length);
  if (Array.isArray(node.allOf) && node.allOf.length === 1 && typeof node.allOf[0]?.$ref === 'string') {
    return node.allOf[0].$ref.slice(REF_PREFIX.length);
  }
  return undefined;
}

/** Inlines definitions used once; keeps the rest (used more than once, or recursive) in `definitions`. */
function inlineSingleUses(root, definitions) {
  const counts = new Map();
  const count = (node) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') counts.set(node.$ref, (counts.get(node.$ref) ?? 0) + 1);
    for (const v of Object.values(node)) count(v);
  };
  count(root);
  for (const def of Object.values(definitions)) count(def);
  const refName = (ref) => ref.slice('#/definitions/'.length);
  const inline = (node) => {
    if (Array.isArray(node)) return node.map(inline);
    if (!node || typeof node !== 'object') return node;
    if (typeof node.$ref === 'string' && counts.get(node.$ref) === 1) return inline(definitions[refName(node.$ref)]);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v)]));
  };
  const kept = Object.keys(definitions).filter((d) => (counts.get(`#/definitions/${d}`) ?? 0) > 1).sort();
  const out = inline(root);
  if (kept.length) out.definitions = Object.fromEntries(kept.map((d) => [d, inline(definitions[d])]));
  return out;
}

/**
 * The schema of one kind: apiVersion and kind constants, our strict ObjectMeta, `status` open
 * (controllers write it), the rest converted with every reference resolved.
 */
export function convertKubernetesKind(definitions, source, kind, convert, objectMetaSchema, report) {
  const apiVersion = source.group ? `${source.group}/${source.version}` : source.version;
  const prefix = source.group ? source.group.split('.')[0] : 'core';
  const id = `io.k8s.api.${prefix}.${source.version}.${kind}`;
  const top = definitions.get(id);
  if (!top) throw new Error(`${apiVersion} ${kind}: no definition ${id}`);
  const gvk = top.node['x-kubernetes-group-version-kind'];
  if (gvk && !gvk.some((g) => g.group === source.group && g.version === source.version && g.kind === kind)) {
    throw new Error(`${id} is not ${apiVersion} ${kind}`);
  }

  const defs = {};
  const queue = [];
  const options = {
    openObjects: true,
    dropDefaults: true,
    resolve(node) {
      const ref = referenceOf(node);
      if (ref === undefined) return undefined;
      if (SPECIAL[ref]) return SPECIAL[ref]();
      const name = ref === OBJECT_META ? 'ObjectMeta' : definitionName(ref);
      if (!(name in defs)) {
        if (ref !== OBJECT_META && !definitions.has(ref)) throw new Error(`${apiVersion} ${kind}: unknown reference ${ref}`);
        defs[name] = null;
        queue.push([name, ref]);
      }
      return { $ref: `#/definitions/${name}` };
    },
  };
  const properties = {
    apiVersion: { type: 'string', const: apiVersion },
    kind: { type: 'string', const: kind },
    metadata: options.resolve({ $ref: `${REF_PREFIX}${OBJECT_META}` }),
  };
  for (const [name, child] of Object.entries(top.node.properties ?? {})) {
    if (name in properties) continue;
    properties[name] = name === 'status' ? {} : convert(child, report, `${kind}/${source.version} ${name}`, options);
  }
  while (queue.length) {
    const [name, ref] = queue.shift();
    defs[name] = ref === OBJECT_META ? objectMetaSchema() : convert(definitions.get(ref).node, report, ref, options);
  }
  const required = ['apiVersion', 'kind', ...(top.node.required ?? []).filter((r) => r !== 'apiVersion' && r !== 'kind')];
  const schema = inlineSingleUses({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  }, defs);
  return {
    group: source.group,
    version: source.version,
    kind,
    served: true,
    storage: source.preferred !== false,
    deprecated: false,
    schema,
  };
}

/** Every kind of KUBERNETES_SOURCES. */
export function generateKubernetes(upstreamDir, modelsDir, convert, objectMetaSchema, report, sources = KUBERNETES_SOURCES) {
  const notes = report.kubernetesNotes ?? [];
  const definitions = loadKubernetesDefinitions(upstreamDir, modelsDir, sources, notes);
  const results = [];
  for (const source of sources) {
    for (const kind of source.kinds) results.push(convertKubernetesKind(definitions, source, kind, convert, objectMetaSchema, report));
  }
  return results;
}
