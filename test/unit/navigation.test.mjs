// Go to definition and find references over a workspace (dist/core.js), data-driven:
// test/fixtures/navigation/<case>/ holds the files with the cursor marked `|` and every
// expected result range marked `^…^` (see the README there). One test per case, compared
// exactly, plus a few edge cases inline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { core, service, settingsFrom } from '../support/core.mjs';
import { loadNavigationCase } from '../fixtures/navigation/navigationCase.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/navigation/', import.meta.url));
const settings = settingsFrom({});

function workspace(files) {
  const index = new core.WorkspaceIndex(settings.defaultNamespace);
  for (const f of files) index.setFile(f.uri, service.analyze(f.text, settings));
  return index;
}

const byPosition = (a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

function ask(index, nav) {
  const { uri, position } = nav.cursor;
  return nav.request.request === 'definition'
    ? core.definitionLocations(index, uri, position)
    : core.referenceLocations(index, uri, position, nav.request.includeDeclaration === true);
}

const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

for (const name of cases) {
  test(`navigation/${name}`, () => {
    const nav = loadNavigationCase(join(FIXTURES, name), (file) => `file:///nav/${name}/${file}`);
    const index = workspace(nav.files);
    assert.deepEqual(ask(index, nav), [...nav.expected].sort(byPosition));
  });
}

test('there are navigation cases for definition and for references', () => {
  const requests = cases.map((name) => JSON.parse(readFileSync(join(FIXTURES, name, 'request.json'), 'utf8')).request);
  assert.ok(requests.includes('definition') && requests.includes('references'));
});

test('a position outside the workspace or on no reference gives no locations', () => {
  const index = workspace([{ uri: 'file:///a.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "1"\n' }]);
  assert.deepEqual(core.definitionLocations(index, 'file:///missing.yaml', { line: 0, character: 0 }), []);
  assert.deepEqual(core.definitionLocations(index, 'file:///a.yaml', { line: 5, character: 3 }), []);
  assert.deepEqual(core.referenceLocations(index, 'file:///a.yaml', { line: 0, character: 2 }, true), []);
});

test('definition on a name is the declaration itself; references without declaration leave it out', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';
  const index = workspace([{ uri: 'file:///a.yaml', text }]);
  const self = { uri: 'file:///a.yaml', range: { start: { line: 3, character: 8 }, end: { line: 3, character: 16 } } };
  assert.deepEqual(core.definitionLocations(index, 'file:///a.yaml', { line: 3, character: 10 }), [self]);
  assert.deepEqual(core.referenceLocations(index, 'file:///a.yaml', { line: 3, character: 10 }, false), []);
  assert.deepEqual(core.referenceLocations(index, 'file:///a.yaml', { line: 3, character: 10 }, true), [self]);
});

test('the model follows edits: a removed subset is no longer a definition', () => {
  const vs = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\nspec:\n  hosts:\n  - r\n  http:\n  - route:\n    - destination:\n        host: r\n        subset: v1\n';
  const dr = (subset) => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: r\n  subsets:\n  - name: ${subset}\n`;
  const index = workspace([{ uri: 'file:///vs.yaml', text: vs }, { uri: 'file:///dr.yaml', text: dr('v1') }]);
  const cursor = { line: 11, character: 17 };
  assert.equal(core.definitionLocations(index, 'file:///vs.yaml', cursor).length, 1);
  index.setFile('file:///dr.yaml', service.analyze(dr('v2'), settings));
  assert.deepEqual(core.definitionLocations(index, 'file:///vs.yaml', cursor), []);
});
