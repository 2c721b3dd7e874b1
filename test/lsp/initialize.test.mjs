// The handshake: what the server announces, and what it asks of a client that supports
// workspace/configuration. Other capabilities may be added; these must stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/lspClient.mjs';

test('initialize announces incremental sync and its name', async (t) => {
  const client = await startServer();
  t.after(() => client.shutdown());
  const { capabilities, serverInfo } = client.initializeResult;
  assert.equal(serverInfo.name, 'mumbai-mesh');
  const sync = capabilities.textDocumentSync;
  assert.equal(typeof sync, 'object');
  assert.equal(sync.openClose, true);
  assert.equal(sync.change, 2, 'TextDocumentSyncKind.Incremental');
});

test('with workspace/configuration support, the server registers for mumbaiMesh changes and asks per document', async (t) => {
  const client = await startServer({ settings: { mumbaiMesh: {} } });
  t.after(() => client.shutdown());
  const uri = 'file:///mumbai-mesh-test/initialize/a.yaml';
  client.open(uri, 'apiVersion: v1\nkind: ConfigMap\n');
  await client.waitForDiagnostics(uri, { version: 1 });
  const registered = client.registrations.flatMap((r) => r.registrations);
  assert.ok(registered.some((r) => r.method === 'workspace/didChangeConfiguration'), JSON.stringify(registered));
  const items = client.configurationRequests.flatMap((r) => r.items);
  assert.deepEqual(items.filter((i) => i.scopeUri === uri), [{ scopeUri: uri, section: 'mumbaiMesh' }]);
});

test('without workspace/configuration support, the server never asks for it', async (t) => {
  const client = await startServer({ configuration: false });
  t.after(() => client.shutdown());
  const uri = 'file:///mumbai-mesh-test/initialize/b.yaml';
  client.open(uri, 'a: 1\n');
  await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(client.configurationRequests, []);
});

test('shutdown is answered and exit ends the process with status 0', async () => {
  const client = await startServer();
  await client.shutdown();
  assert.equal(client.exitCode, 0);
});
