// `mumbai-mesh check` over a folder of several files that refer to each other: all given
// paths form one workspace, so a reference resolves in another file, and a broken one is
// reported in the file that holds the reference, not in the file that changed.
// test/fixtures/cli-crossfile/broken/ is clean/ with three edits in the *referenced* files:
// the DestinationRule lost subset v2, the Gateway listener was renamed, the Consul
// ServiceDefaults says tcp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJson } from '../support/cli.mjs';

const F = 'test/fixtures/cli-crossfile';
const FILES = ['consul/config.yaml', 'consul/splitter.yaml', 'gateway/gateway.yaml', 'gateway/httproute.yaml', 'mesh/destinationrule.yaml', 'mesh/services.yaml', 'mesh/virtualservice.yaml'];

const brief = (json) => Object.fromEntries(json.map((e) => [e.file, e.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])]));

test('a folder whose cross-file references all resolve is clean and exits 0', () => {
  const { json, status, stderr } = runJson([`${F}/clean`]);
  assert.equal(stderr, '');
  assert.equal(status, 0);
  assert.deepEqual(brief(json), Object.fromEntries(FILES.map((f) => [`${F}/clean/${f}`, []])));
});

test('broken references are reported in the referring file, each once, and the run exits 1', () => {
  const { json, status, stderr } = runJson([`${F}/broken`]);
  assert.equal(stderr, '');
  assert.equal(status, 1);
  assert.deepEqual(brief(json), {
    [`${F}/broken/consul/config.yaml`]: [],
    [`${F}/broken/consul/splitter.yaml`]: [['MM462', 1, 3, 8, 3, 11]],
    [`${F}/broken/gateway/gateway.yaml`]: [],
    [`${F}/broken/gateway/httproute.yaml`]: [['MM471', 1, 9, 17, 9, 21]],
    [`${F}/broken/mesh/destinationrule.yaml`]: [],
    [`${F}/broken/mesh/services.yaml`]: [],
    [`${F}/broken/mesh/virtualservice.yaml`]: [['IST0101', 1, 16, 16, 16, 18]],
  });
  const messages = Object.fromEntries(json.map((e) => [e.file, e.diagnostics.map((d) => d.message).join(' ')]));
  assert.match(messages[`${F}/broken/mesh/virtualservice.yaml`], /subset `v2`/);
  assert.match(messages[`${F}/broken/gateway/httproute.yaml`], /no listener named `http`.*`web`/);
  assert.match(messages[`${F}/broken/consul/splitter.yaml`], /protocol: tcp/);
});

test('files given one by one are analysed together, as a folder is', () => {
  const mesh = ['services.yaml', 'destinationrule.yaml', 'virtualservice.yaml'].map((f) => `${F}/broken/mesh/${f}`);
  const { json } = runJson(mesh);
  assert.deepEqual(brief(json)[`${F}/broken/mesh/virtualservice.yaml`], [['IST0101', 1, 16, 16, 16, 18]]);
  // with the clean DestinationRule beside the same VirtualService, the reference resolves
  const mixed = runJson([`${F}/broken/mesh/virtualservice.yaml`, `${F}/clean/mesh/destinationrule.yaml`, `${F}/clean/mesh/services.yaml`]);
  assert.deepEqual(brief(mixed.json)[`${F}/broken/mesh/virtualservice.yaml`], []);
});

test('a file checked without the files it refers to reports the references it cannot resolve', () => {
  const { json, status } = runJson([`${F}/clean/mesh/virtualservice.yaml`]);
  assert.equal(status, 1);
  const codes = json[0].diagnostics.map((d) => d.code);
  assert.ok(codes.length > 0 && codes.every((c) => c === 'IST0101'), codes.join(','));
});
