// textDocument/hover over stdio: our field docs with the schema's facts, a subset preview
// from the workspace index, the cost core's line on a proxy annotation, and null where
// there is nothing to say.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, fileUri } from '../support/lspClient.mjs';
import { marked } from '../support/markers.mjs';
import { core } from '../support/core.mjs';

let client;
before(async () => {
  client = await startServer({ settings: { mumbaiMesh: {} } });
});
after(() => client.shutdown());

const ROUTES = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts:
  - reviews
  http:
  - retries:
      |attempts|: 3
    route:
    - destination:
        host: reviews
        subset: |v2|
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews
  subsets:
  - name: v2
    labels:
      version: v2
# |a comment
`;

async function openAndIndex(name, source) {
  const uri = fileUri(`hover/${name}`);
  const { text, positions } = marked(source);
  client.open(uri, text);
  // diagnostics are published after the file is analysed and indexed
  await client.waitForDiagnostics(uri, { version: 1 });
  return { uri, positions };
}

test('the server announces hover support', () => {
  assert.equal(client.initializeResult.capabilities.hoverProvider, true);
});

test('hover on a field returns our docs, its type and the reference link, over the key', async () => {
  const { uri, positions } = await openAndIndex('routes.yaml', ROUTES);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positions[0] });
  assert.equal(hover.contents.kind, 'markdown');
  const own = core.findFieldDoc('networking.istio.io', 'VirtualService', 'spec.http[].retries.attempts').doc.text;
  for (const part of ['**`spec.http[0].retries.attempts`** · VirtualService', own, '- **Type:** integer', 'https://istio.io/latest/docs/reference/config/networking/virtual-service/']) {
    assert.ok(hover.contents.value.includes(part), `missing ${part} in ${hover.contents.value}`);
  }
  assert.deepEqual(hover.range, { start: positions[0], end: positions[1] });
});

test('hover on a subset previews the DestinationRule subset with its location', async () => {
  // its own namespace, so the preview cannot pick the same rule from another test's file
  const { uri, positions } = await openAndIndex('routes-subset.yaml', ROUTES.replaceAll('namespace: shop', 'namespace: canary'));
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positions[2] });
  const value = hover.contents.value;
  assert.ok(value.startsWith(`**Subset \`v2\`** of DestinationRule \`reviews\` in namespace \`canary\` — [routes-subset.yaml:25](`), value);
  assert.ok(value.includes('- Labels: `version=v2`'), value);
  assert.ok(value.includes(`(${uri}#L25)`), value);
  assert.deepEqual(hover.range, { start: positions[2], end: positions[3] });
});

test('hover on a proxy annotation carries the cost core\'s line', async () => {
  const { uri, positions } = await openAndIndex('deployment.yaml', `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        sidecar.istio.io/inject: "true"
      annotations:
        sidecar.istio.io/proxy|CPU: "250m"
    spec:
      containers:
      - name: web
        image: web:1
`);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positions[0] });
  const value = hover.contents.value;
  assert.ok(value.includes('**Annotation `sidecar.istio.io/proxyCPU`**'), value);
  assert.ok(value.includes('**Proxy cost**'), value);
  assert.ok(value.includes('https://istio.io/latest/docs/reference/config/annotations/'), value);
});

test('nothing to say: a comment, and a document that is not open, give null', async () => {
  const { uri, positions } = await openAndIndex('routes-comment.yaml', ROUTES);
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: positions[4] }), null);
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri: fileUri('hover/never-opened.yaml') }, position: { line: 0, character: 0 } }), null);
});
