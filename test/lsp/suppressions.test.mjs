// The two disable comments from CONTRACTS.md, seen from an LSP client:
//   # mumbai-mesh-disable-next-line CODE[,CODE]   those codes on the next line
//   # mumbai-mesh-disable CODE                     those codes for the rest of that YAML document
// Without codes, every code. Matched by code, never by message text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, fileUri } from '../support/lspClient.mjs';

let client;
let n = 0;
before(async () => {
  client = await startServer({ settings: { mumbaiMesh: {} } });
});
after(() => client.shutdown());

async function codesAndLines(text) {
  const uri = fileUri(`suppressions/${++n}.yaml`);
  client.open(uri, text);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  return diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
}

test('disable-next-line with a code silences that code on the next line only', async () => {
  const text = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'data:',
    '  a: "1"',
    '  # mumbai-mesh-disable-next-line MM101',
    '  a: "2"',
    '  a: "3"',
    '',
  ].join('\n');
  assert.deepEqual(await codesAndLines(text), ['MM101@6']);
});

test('disable-next-line with another code does not silence', async () => {
  const text = 'a: 1\n# mumbai-mesh-disable-next-line MM102\na: 2\n';
  assert.deepEqual(await codesAndLines(text), ['MM101@2']);
});

test('disable-next-line with a list of codes (comma, space, lower case) silences each', async () => {
  const text = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'data:',
    '  x: 1',
    '  # mumbai-mesh-disable-next-line mm104, MM101',
    '  x: *nowhere',
    '',
  ].join('\n');
  assert.deepEqual(await codesAndLines(text), []);
});

test('disable-next-line without codes silences every code on the next line', async () => {
  const text = 'a: 1\n# mumbai-mesh-disable-next-line\na: *missing\nb: *gone\n';
  assert.deepEqual(await codesAndLines(text), ['MM104@3']);
});

test('disable-next-line at the end of a line (after a value) silences the next line', async () => {
  const text = 'a: 1 # mumbai-mesh-disable-next-line MM101\na: 2\n';
  assert.deepEqual(await codesAndLines(text), []);
});

test('disable CODE silences the rest of that YAML document, not what came before nor the next document', async () => {
  const text = [
    'apiVersion: v1', // 0
    'kind: ConfigMap', // 1
    'data:', // 2
    '  a: *one', // 3: before the comment, still reported
    '  # mumbai-mesh-disable MM104', // 4
    '  b: *two', // 5
    '  c: *three', // 6
    '  c: 1', // 7: MM101 is not silenced
    '---', // 8
    'apiVersion: v1', // 9
    'kind: ConfigMap', // 10
    'data:', // 11
    '  d: *four', // 12: next document, reported
    '',
  ].join('\n');
  assert.deepEqual(await codesAndLines(text), ['MM104@3', 'MM101@7', 'MM104@12']);
});

test('disable without codes silences every code for the rest of the document', async () => {
  const text = [
    'a: 1',
    'a: 2', // 1: before, reported
    '# mumbai-mesh-disable',
    'b: *x',
    'b: 3',
    '---',
    'c: 1',
    'c: 2', // 7: next document
    '',
  ].join('\n');
  assert.deepEqual(await codesAndLines(text), ['MM101@1', 'MM101@7']);
});

test('a document-level disable in the first document of three leaves the others alone', async () => {
  const text = '# mumbai-mesh-disable MM101\na: 1\na: 2\n---\nb: 1\nb: 2\n---\nc: 1\nc: 2\n';
  assert.deepEqual(await codesAndLines(text), ['MM101@5', 'MM101@8']);
});

test('a similar-looking comment is not a disable comment', async () => {
  const text = '# mumbai-mesh-disabled MM101\na: 1\na: 2\n# mumbai-mesh-disable-next-lines MM101\nb: 1\nb: 2\n';
  assert.deepEqual(await codesAndLines(text), ['MM101@2', 'MM101@5']);
});
