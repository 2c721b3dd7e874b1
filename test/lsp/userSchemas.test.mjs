// mumbaiMesh.schemas: the user's own JSON Schema for a kind Mumbai Mesh does not ship is
// read from the workspace folder and applied to that kind only; without the setting the
// kind gets no findings at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { startServer, fileUri } from '../support/lspClient.mjs';
import { marked } from '../support/markers.mjs';

const folder = new URL('../fixtures/lsp/user-schemas/', import.meta.url);
const WALLET = 'apiVersion: payments.mumbai.example/v1\nkind: Wallet\nmetadata:\n  name: upi\nspec:\n  currency: |inr|\n  |limitPaize|: 100\n';

test('a user schema validates its kind, at the exact key and value', async (t) => {
  const client = await startServer({
    workspaceFolders: [{ uri: pathToFileURL(folder.pathname).href.replace(/\/$/, ''), name: 'user-schemas' }],
    settings: { mumbaiMesh: { schemas: { 'payments.mumbai.example/v1/Wallet': 'wallet.schema.json' } } },
  });
  t.after(() => client.shutdown());
  const { text, ranges } = marked(WALLET);
  const uri = fileUri('user-schemas/wallet.yaml');
  client.open(uri, text);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['MM202', ranges[0]], ['MM200', ranges[1]]]);
});

test('without the setting, the same kind gets no findings', async (t) => {
  const client = await startServer({ settings: { mumbaiMesh: {} } });
  t.after(() => client.shutdown());
  const uri = fileUri('user-schemas/plain.yaml');
  client.open(uri, WALLET.replace(/\|/g, ''));
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics, []);
});
