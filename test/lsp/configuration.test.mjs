// Settings: `mumbaiMesh.rules` through workspace/configuration (pulled again after
// didChangeConfiguration), through initializationOptions when the client cannot answer
// workspace/configuration, and bad values falling back with one logged warning each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, fileUri, Severity } from '../support/lspClient.mjs';

// a duplicate key (MM101, error) and a tab (MM102, error)
const TEXT = 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\ndata:\n\tx: y\n';
const codesAndSeverities = (p) => p.diagnostics.map((d) => [d.code, d.severity]);

test('workspace/configuration: rules set to off / warning change the diagnostics after didChangeConfiguration', async (t) => {
  const client = await startServer({ settings: { mumbaiMesh: { rules: {} } } });
  t.after(() => client.shutdown());
  const uri = fileUri('configuration/pull.yaml');
  client.open(uri, TEXT);
  const before = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(codesAndSeverities(before), [['MM101', Severity.Error], ['MM102', Severity.Error]]);

  const asked = client.configurationRequests.length;
  // VS Code's pull model sends `settings: null`; the server must ask again.
  client.changeConfiguration({ mumbaiMesh: { rules: { MM101: 'off', MM102: 'warning' } } }, null);
  const after = await client.waitForDiagnostics(uri);
  assert.equal(after.version, 1);
  assert.deepEqual(codesAndSeverities(after), [['MM102', Severity.Warning]]);
  assert.ok(client.configurationRequests.length > asked, 'the server asked for the settings again');

  client.changeConfiguration({ mumbaiMesh: { rules: { mm102: 'hint', MM101: 'info' } } }, null);
  const lowerCase = await client.waitForDiagnostics(uri);
  assert.deepEqual(codesAndSeverities(lowerCase), [['MM101', Severity.Information], ['MM102', Severity.Hint]], 'codes in settings are case-insensitive');

  client.changeConfiguration({ mumbaiMesh: {} }, null);
  const reset = await client.waitForDiagnostics(uri);
  assert.deepEqual(codesAndSeverities(reset), [['MM101', Severity.Error], ['MM102', Severity.Error]]);
});

test('workspace/configuration: settings are asked per document (scopeUri)', async (t) => {
  const strict = fileUri('configuration/strict/a.yaml');
  const relaxed = fileUri('configuration/relaxed/a.yaml');
  // answer by the scope asked for, as a multi-root editor would
  const byScope = new Map([[strict, { rules: {} }], [relaxed, { rules: { MM101: 'off' } }]]);
  const client = await startServer({ settings: (section, scopeUri) => (section === 'mumbaiMesh' ? byScope.get(scopeUri) : null) });
  t.after(() => client.shutdown());
  client.open(strict, 'a: 1\na: 2\n');
  client.open(relaxed, 'a: 1\na: 2\n');
  assert.deepEqual((await client.waitForDiagnostics(strict, { version: 1 })).diagnostics.map((d) => d.code), ['MM101']);
  assert.deepEqual((await client.waitForDiagnostics(relaxed, { version: 1 })).diagnostics, []);
});

test('initializationOptions are used when the client does not support workspace/configuration', async (t) => {
  const client = await startServer({ configuration: false, initializationOptions: { rules: { MM101: 'warning', MM102: 'off' } } });
  t.after(() => client.shutdown());
  const uri = fileUri('configuration/init.yaml');
  client.open(uri, TEXT);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['MM101', Severity.Warning]]);
  assert.deepEqual(client.configurationRequests, []);

  // A client without pull support pushes the whole settings object instead.
  client.changeConfiguration({ mumbaiMesh: { rules: { MM101: 'off' } } });
  const after = await client.waitForDiagnostics(uri);
  assert.deepEqual(after.diagnostics.map((d) => [d.code, d.severity]), [['MM102', Severity.Error]]);
  assert.deepEqual(client.configurationRequests, []);
});

test('initializationOptions may also nest the section as { mumbaiMesh: {...} }', async (t) => {
  const client = await startServer({ configuration: false, initializationOptions: { mumbaiMesh: { rules: { MM102: 'info' } } } });
  t.after(() => client.shutdown());
  const uri = fileUri('configuration/nested.yaml');
  client.open(uri, TEXT);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['MM101', Severity.Error], ['MM102', Severity.Information]]);
});

test('a client that answers workspace/configuration with null falls back to initializationOptions', async (t) => {
  const client = await startServer({ settings: {}, initializationOptions: { rules: { MM101: 'hint' } } });
  t.after(() => client.shutdown());
  const uri = fileUri('configuration/null-answer.yaml');
  client.open(uri, 'a: 1\na: 2\n');
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['MM101', Severity.Hint]]);
});

test('maxFileSizeKB from settings applies', async (t) => {
  const client = await startServer({ settings: { mumbaiMesh: { maxFileSizeKB: 1 } } });
  t.after(() => client.shutdown());
  const uri = fileUri('configuration/size.yaml');
  client.open(uri, `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "${'x'.repeat(2000)}"\n`);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['MM105', Severity.Information]]);
});

test('bad setting values fall back to the defaults, with one logged warning each', async (t) => {
  const client = await startServer({ settings: { mumbaiMesh: { rules: { MM101: 'loud', MM102: 'warning' }, maxFileSizeKB: 'big', defaultMesh: 'kuma' } } });
  t.after(() => client.shutdown());
  const a = fileUri('configuration/bad-a.yaml');
  const b = fileUri('configuration/bad-b.yaml');
  client.open(a, TEXT);
  const { diagnostics } = await client.waitForDiagnostics(a, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['MM101', Severity.Error], ['MM102', Severity.Warning]]);
  client.open(b, TEXT);
  await client.waitForDiagnostics(b, { version: 1 });
  const warnings = client.logs.map((l) => l.message).filter((m) => m.startsWith('mumbaiMesh.'));
  assert.equal(warnings.filter((m) => m.startsWith('mumbaiMesh.rules.MM101')).length, 1, warnings.join('\n'));
  assert.equal(warnings.filter((m) => m.startsWith('mumbaiMesh.maxFileSizeKB')).length, 1, warnings.join('\n'));
  assert.equal(warnings.filter((m) => m.startsWith('mumbaiMesh.defaultMesh')).length, 1, warnings.join('\n'));
  assert.equal(warnings.length, 3, warnings.join('\n'));
});

test('with a workspace folder, a configuration change still re-validates the open documents', async (t) => {
  const folder = new URL('../fixtures/lsp/workspace/', import.meta.url).href.replace(/\/$/, '');
  const client = await startServer({ settings: { mumbaiMesh: {} }, workspaceFolders: [{ uri: folder, name: 'workspace' }] });
  t.after(() => client.shutdown());
  const uri = `${folder}/open.yaml`; // not on disk: an unsaved editor buffer
  client.open(uri, TEXT);
  assert.deepEqual(codesAndSeverities(await client.waitForDiagnostics(uri, { version: 1 })), [['MM101', Severity.Error], ['MM102', Severity.Error]]);
  client.changeConfiguration({ mumbaiMesh: { rules: { MM102: 'off' } } }, null);
  const after = await client.waitForDiagnostics(uri, { predicate: (p) => !p.diagnostics.some((d) => d.code === 'MM102') });
  assert.deepEqual(codesAndSeverities(after), [['MM101', Severity.Error]]);
});

test('a schema code can be lowered to a warning or turned off like any other', async (t) => {
  const client = await startServer({ settings: { mumbaiMesh: { rules: { MM200: 'warning' } } } });
  t.after(() => client.shutdown());
  const uri = fileUri('configuration/schema.yaml');
  client.open(uri, 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\nspec:\n  mtlz:\n    mode: STRICT\n');
  const first = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(codesAndSeverities(first), [['MM200', Severity.Warning]]);
  client.changeConfiguration({ mumbaiMesh: { rules: { MM200: 'off' } } }, null);
  const off = await client.waitForDiagnostics(uri);
  assert.deepEqual(off.diagnostics, []);
});
