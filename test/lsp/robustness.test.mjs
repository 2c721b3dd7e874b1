// The server survives junk — broken JSON-RPC, unknown methods, bad params, files that are
// huge, binary, alias bombs or deeply nested — and still answers afterwards. Each heavy
// input gets one clear diagnostic; none gets a crash or a hang.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, fileUri, Severity } from '../support/lspClient.mjs';
import { billionLaughs, deepBlock, deepFlow } from '../support/badInputs.mjs';

let client;
before(async () => {
  client = await startServer({ settings: { mumbaiMesh: {} } });
});
after(() => client.shutdown());

/** The server still works: a new document gets its diagnostics. */
async function assertAlive(name) {
  const uri = fileUri(`robustness/alive-${name}.yaml`);
  client.open(uri, 'a: 1\na: 2\n');
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => d.code), ['MM101'], `the server still validates after ${name}`);
  assert.equal(client.exited, false);
}

const frame = (body) => {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
};

test('invalid JSON-RPC messages are logged or ignored, never fatal', async () => {
  client.writeRaw(Buffer.concat([
    frame('{not json'),
    frame('[1, 2, 3]'),
    frame('null'),
    frame('{"jsonrpc":"2.0"}'),
    frame('{"jsonrpc":"2.0","id":424242,"result":{}}'),
    frame('{"jsonrpc":"2.0","id":{"x":1},"method":"foo"}'),
    frame(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80])),
  ]));
  await assertAlive('invalid messages');
});

test('unknown methods: requests get MethodNotFound, notifications are ignored', async () => {
  await assert.rejects(client.request('mumbaiMesh/noSuchThing', { a: 1 }), (error) => error.rpcError?.code === -32601);
  client.notify('mumbaiMesh/noSuchNotification', { a: 1 });
  client.notify('$/noSuchProtocolNotification', null);
  await assertAlive('unknown methods');
});

test('notifications with invalid params do not break the server', async () => {
  client.notify('textDocument/didOpen', null);
  client.notify('textDocument/didOpen', { textDocument: 5 });
  client.notify('textDocument/didOpen', { textDocument: { uri: fileUri('robustness/no-text.yaml'), languageId: 'yaml', version: 1 } });
  client.notify('textDocument/didChange', 'garbage');
  client.notify('textDocument/didChange', { textDocument: { uri: fileUri('robustness/never-opened.yaml'), version: 2 }, contentChanges: [{ text: 'a: 1' }] });
  client.notify('textDocument/didChange', { textDocument: { uri: fileUri('robustness/never-opened.yaml'), version: 3 }, contentChanges: [{ range: { start: { line: -5, character: 'x' } }, text: 1 }] });
  client.notify('textDocument/didClose', { textDocument: { uri: fileUri('robustness/never-opened.yaml') } });
  client.notify('textDocument/didClose', {});
  client.notify('workspace/didChangeConfiguration', { settings: { mumbaiMesh: 'not an object' } });
  client.notify('workspace/didChangeConfiguration', null);
  await assertAlive('invalid params');
});

test('requests with invalid params are answered (result or error), never left hanging', async () => {
  const answered = async (promise) => {
    try {
      await promise;
    } catch (error) {
      assert.ok(error.rpcError, `an error answer, not ${error.message}`);
    }
  };
  await answered(client.request('textDocument/documentSymbol', { textDocument: { uri: fileUri('robustness/not-open.yaml') } }));
  await answered(client.request('textDocument/documentSymbol', null));
  await answered(client.request('textDocument/documentSymbol', { textDocument: 42 }));
  await answered(client.request('workspace/symbol', { query: 17 }));
  await assertAlive('invalid request params');
});

test('an edit with a range past the end of the document is clamped, not fatal', async () => {
  const uri = fileUri('robustness/past-end.yaml');
  client.open(uri, 'a: 1\n');
  await client.waitForDiagnostics(uri, { version: 1 });
  client.change(uri, 2, [{ range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } }, text: 'a: 2\n' }]);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 2 });
  assert.deepEqual(diagnostics.map((d) => d.code), ['MM101']);
});

test('a binary file gets one MM106', async () => {
  const uri = fileUri('robustness/binary.yaml');
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) % 256;
  client.open(uri, bytes.toString('latin1'));
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]), [['MM106', Severity.Error, 0, 0]]);
  await assertAlive('a binary file');
});

test('a 10 MB file gets one MM105 information diagnostic', async () => {
  const uri = fileUri('robustness/huge.yaml');
  const line = 'apiVersion: v1\nkind: ConfigMap\n';
  const text = `${line}data:\n${'  k: v\n'.repeat(Math.ceil((10 * 1024 * 1024) / 7))}`;
  assert.ok(text.length >= 10 * 1024 * 1024);
  client.open(uri, text);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['MM105', Severity.Information]]);
  assert.equal(diagnostics[0].range.start.line, 0);
  // an edit to the huge file is handled the same way
  client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
  const edited = await client.waitForDiagnostics(uri, { version: 2 });
  assert.deepEqual(edited.diagnostics.map((d) => d.code), ['MM105']);
  client.close(uri);
  await assertAlive('a 10 MB file');
});

test('an alias bomb gets one MM103', async () => {
  const uri = fileUri('robustness/bomb.yaml');
  client.open(uri, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n${billionLaughs('  ')}`);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['MM103', Severity.Error]]);
  await assertAlive('an alias bomb');
});

test('deep nesting (1,000 levels, block and flow) gets MM110 or nothing, never a crash', async () => {
  for (const [name, text] of [['block', deepBlock(1000)], ['flow', deepFlow(1000)]]) {
    const uri = fileUri(`robustness/deep-${name}.yaml`);
    client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    assert.ok(diagnostics.every((d) => d.code === 'MM110'), JSON.stringify(diagnostics.map((d) => d.code)));
    assert.ok(diagnostics.length <= 1);
  }
  await assertAlive('deep nesting');
});

test('a Helm template gets one MM107 information diagnostic', async () => {
  const uri = fileUri('robustness/helm.yaml');
  client.open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "app.fullname" . }}\n  {{- with .Values.labels }}\n  labels: {{ toYaml . | nindent 4 }}\n  {{- end }}\n');
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]), [['MM107', Severity.Information, 3, 8]]);
});

test('a 100,000-character line is handled', async () => {
  const uri = fileUri('robustness/long-line.yaml');
  client.open(uri, `apiVersion: v1\nkind: ConfigMap\ndata:\n  long: "${'é'.repeat(100_000)}"\n  long: x\n`);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [['MM101', 4, 2, 6]]);
});
