// Completion from the pure core: cursor positions are marked `|` in the input. Schema keys
// (only those not yet present) with insert text at the right indentation in block and flow
// style, enum values and booleans, list items, partial words after a typo, apiVersion/kind
// pairs, references to other resources of the workspace, and snippets at document level.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { core, ROOT, service, settingsFrom } from '../support/core.mjs';
import { marked, offsetAt } from '../support/markers.mjs';

const readJson = (file) => JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8'));
const schemaIndex = readJson('index.json');
const schemas = core.completionSchemasFromSource({ loadIndex: () => schemaIndex, loadSchema: readJson });
const schemaOf = (apiVersion, kind) => readJson(schemaIndex.find((e) => e.apiVersion === apiVersion && e.kind === kind).file);
const snippets = core.snippetCompletions(['istio', 'linkerd', 'consul', 'kubernetes']
  .flatMap((name) => core.parseSnippetFile(readFileSync(join(ROOT, 'snippets', `${name}.json`), 'utf8'), name).snippets));

const workspace = new core.WorkspaceIndex();
workspace.setFile('file:///work/workspace.yaml', service.analyze(readFileSync(join(ROOT, 'test/fixtures/completion/workspace.yaml'), 'utf8'), settingsFrom({})));

function complete(source, options = {}) {
  const { text, positions } = marked(source);
  const list = core.completionItems({ text, position: positions[0], schemas, ...options });
  return { text, list, items: list.items, labels: list.items.map((i) => i.label).sort() };
}

const byLabel = (items, label) => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${items.map((i) => i.label).join(', ')}`);
  return found;
};

/** The text after accepting `item`: its edit and its additional edits. */
function accept(text, item) {
  const edits = [item.textEdit, ...(item.additionalTextEdits ?? [])]
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (const e of edits) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

const sorted = (list) => [...list].sort();
const DR = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\n';
const VS = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\n';
const drSchema = schemaOf('networking.istio.io/v1', 'DestinationRule');
const vsSchema = schemaOf('networking.istio.io/v1', 'VirtualService');
const kindsKnown = [...new Set(schemaIndex.filter((e) => e.served).map((e) => e.kind))].sort();

describe('keys from the schema', () => {
  test('root of an empty file: the four root keys, every known kind as an apiVersion+kind pair, and the snippets', () => {
    const { items, labels } = complete('|', { snippets });
    for (const key of ['apiVersion', 'kind', 'metadata', 'spec']) assert.ok(labels.includes(key), key);
    assert.deepEqual(sorted(new Set(items.filter((i) => i.kind === 7).map((i) => i.label))), kindsKnown);
    assert.deepEqual(sorted(items.filter((i) => i.kind === 15).map((i) => i.label)), sorted(snippets.map((s) => s.label)));
  });

  test('a pair item writes apiVersion and kind together, then opens metadata.name', () => {
    const { text, items } = complete('|', { snippets });
    const vs = items.find((i) => i.label === 'VirtualService' && i.kind === 7);
    assert.equal(vs.labelDetails.description, 'networking.istio.io/v1');
    assert.equal(accept(text, vs), 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ');
  });

  test('root of a resource: only the keys not yet present (and never status)', () => {
    assert.deepEqual(complete(`${DR}|\n`).labels, ['metadata', 'spec']);
    assert.deepEqual(complete(`${DR}spec:\n  host: a\n|\n`).labels, ['metadata']);
  });

  test('nested map: the keys of spec.trafficPolicy.tls, through $ref into definitions, minus those present', () => {
    const { labels } = complete(`${DR}spec:\n  host: a\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n      |\n`);
    const expected = Object.keys(drSchema.definitions.tls.properties).filter((k) => k !== 'mode').sort();
    assert.deepEqual(labels, expected);
  });

  test('block insert text opens the value at the right indentation: object, list, scalar', () => {
    const { items } = complete(`${DR}spec:\n  host: a\n  |\n`);
    assert.equal(byLabel(items, 'trafficPolicy').textEdit.newText, 'trafficPolicy:\n    ');
    assert.equal(byLabel(items, 'subsets').textEdit.newText, 'subsets:\n    - ');
    assert.equal(byLabel(items, 'exportTo').textEdit.newText, 'exportTo:\n    - ');
    assert.equal(byLabel(items, 'workloadSelector').detail, 'object');
    assert.equal(byLabel(items, 'trafficPolicy').insertTextMode, 1, 'as is: the text carries its own indentation');
  });

  test('the file\'s own layout: four-space indentation, lists not indented under their key', () => {
    const { items } = complete(`${DR}metadata:\n    name: a\n    labels:\n        app: a\nspec:\n    host: a\n    subsets:\n    - name: v1\n    |\n`);
    assert.equal(byLabel(items, 'trafficPolicy').textEdit.newText, 'trafficPolicy:\n        ');
    assert.equal(byLabel(items, 'exportTo').textEdit.newText, 'exportTo:\n    - ');
  });

  test('flow style: keys of `{host: a, |}` inserted inline', () => {
    const { items, labels } = complete(`${DR}spec: {host: a, |}\n`);
    assert.deepEqual(labels, Object.keys(drSchema.properties.spec.properties).filter((k) => k !== 'host').sort());
    assert.equal(byLabel(items, 'trafficPolicy').textEdit.newText, 'trafficPolicy: ');
  });

  test('a list item `- |` of objects: the item\'s keys, at the column after the dash', () => {
    const { text, items, labels } = complete(`${VS}spec:\n  hosts: [a]\n  http:\n  - |\n`);
    const httpRoute = vsSchema.properties.spec.properties.http.items;
    const keys = Object.keys((httpRoute.$ref ? vsSchema.definitions[httpRoute.$ref.split('/').pop()] : httpRoute).properties).sort();
    assert.deepEqual(labels, keys);
    assert.equal(accept(text, byLabel(items, 'route')), `${VS}spec:\n  hosts: [a]\n  http:\n  - route:\n    - \n`);
    assert.equal(accept(text, byLabel(items, 'timeout')), `${VS}spec:\n  hosts: [a]\n  http:\n  - timeout: \n`);
  });

  test('a new entry under a list-typed key: `- key:` items for a list of objects', () => {
    const { text, items } = complete(`${VS}spec:\n  http:\n    |\n`);
    assert.equal(accept(text, byLabel(items, 'route')), `${VS}spec:\n  http:\n    - route:\n        - \n`);
  });

  test('after a typo: the partial word is replaced, and the closest key sorts first', () => {
    const { text, items } = complete(`${DR}spec:\n  host: a\n  trafic|\n`);
    const item = byLabel(items, 'trafficPolicy');
    assert.equal(accept(text, item), `${DR}spec:\n  host: a\n  trafficPolicy:\n    \n`);
    const first = [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1))[0];
    assert.equal(first.label, 'trafficPolicy');
  });

  test('editing an existing key: only the name is replaced, its value kept', () => {
    const { text, items } = complete(`${DR}spec:\n  ho|s: a\n`);
    assert.equal(accept(text, byLabel(items, 'host')), `${DR}spec:\n  host: a\n`);
  });

  test('nothing inside a comment or on the `---` line', () => {
    assert.deepEqual(complete(`${DR}# spec|\n`).items, []);
    assert.deepEqual(complete(`${DR}---|\n`).items, []);
  });
});

describe('values', () => {
  test('enum values at a value position', () => {
    const { labels } = complete(`${DR}spec:\n  host: a\n  trafficPolicy:\n    tls:\n      mode: |\n`);
    assert.deepEqual(labels, sorted(drSchema.definitions.tls.properties.mode.enum.filter((v) => v !== null)));
  });

  test('enum values after a partial value; right after `mode:` the value gets its space', () => {
    const partial = complete(`${DR}spec:\n  host: a\n  trafficPolicy:\n    tls:\n      mode: IS|\n`);
    assert.equal(accept(partial.text, byLabel(partial.items, 'ISTIO_MUTUAL')), `${DR}spec:\n  host: a\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n`);
    const colon = complete(`${DR}spec:\n  host: a\n  trafficPolicy:\n    tls:\n      mode:|\n`);
    assert.equal(accept(colon.text, byLabel(colon.items, 'SIMPLE')), `${DR}spec:\n  host: a\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n`);
  });

  test('booleans', () => {
    assert.deepEqual(complete(`${DR}spec:\n  host: a\n  trafficPolicy:\n    tls:\n      insecureSkipVerify: |\n`).labels, ['false', 'true']);
  });

  test('enum values in flow style', () => {
    assert.deepEqual(complete(`${DR}spec: {host: a, trafficPolicy: {loadBalancer: {simple: |}}}\n`).labels,
      sorted(drSchema.definitions.loadBalancer.properties.simple.enum.filter((v) => v !== null)));
  });
});

describe('apiVersion and kind, paired', () => {
  test('kind: every known kind; choosing one rewrites an apiVersion that does not serve it', () => {
    const { text, items } = complete('apiVersion: networking.istio.io/v1\nkind: |\n');
    assert.deepEqual(sorted(new Set(items.map((i) => i.label))), kindsKnown);
    assert.equal(accept(text, byLabel(items, 'PeerAuthentication')), 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\n');
    assert.equal(byLabel(items, 'Sidecar').additionalTextEdits, undefined, 'networking.istio.io/v1 already serves Sidecar');
  });

  test('kind without an apiVersion line: the line is added above', () => {
    const { text, items } = complete('metadata:\n  name: a\nkind: Vir|\n');
    assert.equal(accept(text, byLabel(items, 'VirtualService')), 'metadata:\n  name: a\napiVersion: networking.istio.io/v1\nkind: VirtualService\n');
  });

  test('apiVersion: the versions serving the document\'s kind, most stable first', () => {
    const { items } = complete('apiVersion: |\nkind: Sidecar\n');
    const expected = schemaIndex.filter((e) => e.kind === 'Sidecar' && e.served).map((e) => e.apiVersion);
    assert.deepEqual([...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1)).map((i) => i.label), expected);
  });
});

describe('documents and snippets', () => {
  test('an empty `---` document offers the pairs and the snippets', () => {
    const { text, items } = complete(`${DR}metadata:\n  name: a\nspec:\n  host: a\n---\n|\n`, { snippets });
    const snippet = items.find((i) => i.kind === 15);
    assert.ok(snippet, 'a snippet item');
    assert.equal(snippet.insertTextFormat, 2);
    assert.ok(items.some((i) => i.kind === 7 && i.label === 'Gateway'));
    const body = snippets.find((s) => s.label === 'mm-canary').body;
    assert.equal(accept(text, byLabel(items, 'mm-canary')), `${DR}metadata:\n  name: a\nspec:\n  host: a\n---\n${body}\n`);
  });

  test('no snippets inside a resource', () => {
    assert.equal(complete(`${DR}|\n`, { snippets }).items.some((i) => i.kind === 15), false);
  });
});

describe('references to other resources in the workspace', () => {
  const withIndex = (source) => complete(source, { index: workspace });

  test('subset names of the DestinationRule for the route\'s host', () => {
    const { items } = withIndex(`${VS}metadata:\n  name: r\n  namespace: prod\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: |\n`);
    assert.deepEqual(items.map((i) => i.label), ['v1', 'v2']);
    assert.equal(items[0].detail, 'subset of DestinationRule prod/reviews');
  });

  test('subset names when the host is written in full from another namespace', () => {
    const { labels } = withIndex(`${VS}metadata:\n  name: r\nspec:\n  hosts: [x]\n  http:\n  - route:\n    - destination:\n        host: reviews.prod.svc.cluster.local\n        subset: |\n`);
    assert.deepEqual(labels, ['v1', 'v2']);
  });

  test('hosts of Services and ServiceEntries, for a route destination and for spec.hosts items', () => {
    const expected = ['api.payments.example.com', 'reviews', 'reviews.prod.svc.cluster.local'];
    assert.deepEqual(withIndex(`${VS}metadata:\n  namespace: prod\nspec:\n  http:\n  - route:\n    - destination:\n        host: |\n`).labels, expected);
    assert.deepEqual(withIndex(`${VS}metadata:\n  namespace: prod\nspec:\n  hosts:\n  - |\n`).labels, expected);
  });

  test('gateway names (with their namespace from elsewhere) and mesh, in a flow list', () => {
    assert.deepEqual(withIndex(`${VS}metadata:\n  namespace: prod\nspec:\n  gateways: [|]\n`).labels, ['istio-ingress/public', 'mesh']);
  });

  test('service accounts as AuthorizationPolicy principals', () => {
    const { labels } = withIndex('apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  namespace: prod\nspec:\n  rules:\n  - from:\n    - source:\n        principals:\n        - |\n');
    assert.deepEqual(labels, ['cluster.local/ns/prod/sa/bookinfo-productpage', 'cluster.local/ns/prod/sa/bookinfo-ratings']);
  });

  test('namespaces', () => {
    assert.deepEqual(withIndex(`${VS}metadata:\n  name: r\n  namespace: |\n`).labels, ['default', 'istio-ingress', 'prod']);
  });

  test('Linkerd Server names for a policy targetRef', () => {
    const { labels } = withIndex('apiVersion: policy.linkerd.io/v1alpha1\nkind: AuthorizationPolicy\nmetadata:\n  namespace: prod\nspec:\n  targetRef:\n    group: policy.linkerd.io\n    kind: Server\n    name: |\n');
    assert.deepEqual(labels, ['web-http']);
  });

  test('Consul service names and the subsets of their ServiceResolver', () => {
    assert.deepEqual(withIndex('apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceSplitter\nmetadata:\n  name: web\nspec:\n  splits:\n  - weight: 50\n    serviceSubset: |\n').labels, ['v1', 'v2']);
    const services = withIndex('apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceIntentions\nmetadata:\n  name: web\nspec:\n  destination:\n    name: |\n').labels;
    for (const name of ['api', 'web', 'reviews']) assert.ok(services.includes(name), name);
  });
});
