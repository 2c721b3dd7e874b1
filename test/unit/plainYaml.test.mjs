// The fast parser (server/src/core/parse/plainYaml.ts) must build exactly what the `yaml`
// package builds, or give up. Every document it accepts is compared with `yaml`'s parse of
// the same text: node kinds, the three offsets of every range, scalar types, sources,
// resolved values and formats, flow style, the document's range and marker, and the plain
// value. And `yaml` must find no error or warning in a text the fast parser accepted.
// The corpus is every YAML file of the project and of ../shared/upstream, the bench file,
// and random edits of all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual, inspect } from 'node:util';
import { createRequire } from 'node:module';
import { core, ROOT } from '../support/core.mjs';
import { createRandom } from '../../bench/meshFile/random.mjs';
import { generateMeshFile } from '../../bench/generateMeshFile.mjs';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const { parsePlainYaml, parsePlainValue, HAS_DUPLICATE_KEY, YAML_OPTIONS, splitDocuments } = core;
const UPSTREAM = join(ROOT, '../shared/upstream');

function kindOf(node) {
  if (YAML.isMap(node)) return 'map';
  if (YAML.isSeq(node)) return 'seq';
  if (YAML.isScalar(node)) return 'scalar';
  if (YAML.isPair(node)) return 'pair';
  if (YAML.isAlias(node)) return 'alias';
  return node === null ? 'null' : typeof node;
}

/** The first difference between two node trees, or null. */
function difference(a, b, where) {
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return `${where}: ${kind} vs ${kindOf(b)}`;
  if (kind === 'pair') return difference(a.key, b.key, `${where}.key`) ?? difference(a.value, b.value, `${where}.value`);
  if (kind === 'null') return null;
  if (!isDeepStrictEqual(a.range, b.range)) return `${where}: range ${inspect(a.range)} vs ${inspect(b.range)}`;
  for (const p of ['type', 'source', 'format', 'anchor', 'tag', 'flow', 'minFractionDigits']) {
    if (!Object.is(a[p], b[p])) return `${where}: ${p} ${inspect(a[p])} vs ${inspect(b[p])}`;
  }
  if (kind === 'scalar') return Object.is(a.value, b.value) ? null : `${where}: value ${inspect(a.value)} vs ${inspect(b.value)}`;
  if (a.items.length !== b.items.length) return `${where}: ${a.items.length} items vs ${b.items.length}`;
  for (let i = 0; i < a.items.length; i++) {
    const d = difference(a.items[i], b.items[i], `${where}[${i}]`);
    if (d) return d;
  }
  return null;
}

/** The value-only parse must agree with the full one: same texts, same value, same content start. */
function checkValueOnly(text, fast) {
  const valueOnly = parsePlainValue(text);
  // it stops at the first repeated key and leaves the text to the full parse (which may refuse it)
  if (valueOnly === HAS_DUPLICATE_KEY) {
    if (!fast) return;
    const ref = YAML.parseDocument(text, { ...YAML_OPTIONS, uniqueKeys: true });
    return assert.ok(ref.errors.some((e) => e.code === 'DUPLICATE_KEY'), `value-only parse saw a duplicate key yaml does not:\n${text}`);
  }
  if (!fast) return assert.equal(valueOnly, undefined, `value-only parse accepted a text the full parse refused:\n${text}`);
  assert.ok(valueOnly, `value-only parse refused a text the full parse accepted:\n${text}`);
  assert.ok(isDeepStrictEqual(valueOnly.value, fast.value), `value-only parse built another value:\n${text}`);
  assert.equal(valueOnly.contentStart, fast.doc.contents.range[0], `content start:\n${text}`);
}

/** 'outside' when the fast parser gave up, 'same' when it built what yaml builds; throws otherwise. */
function check(text) {
  const fast = parsePlainYaml(text);
  checkValueOnly(text, fast);
  if (!fast) return 'outside';
  const ref = YAML.parseDocument(text, YAML_OPTIONS);
  const problem = ref.errors[0] ?? ref.warnings[0];
  const diff = problem
    ? `accepted a text yaml reports: ${problem.message}`
    : difference(fast.doc.contents, ref.contents, '$') ??
      (!isDeepStrictEqual(fast.doc.range, ref.range) ? `document range ${inspect(fast.doc.range)} vs ${inspect(ref.range)}` : null) ??
      (fast.doc.directives.docStart !== ref.directives.docStart ? 'document marker' : null) ??
      (!isDeepStrictEqual(fast.value, ref.toJS()) ? `plain value ${inspect(fast.value, { depth: 4 })} vs ${inspect(ref.toJS(), { depth: 4 })}` : null) ??
      (!isDeepStrictEqual(fast.doc.toJS(), ref.toJS()) ? 'toJS() of the built document differs' : null);
  if (diff) throw new assert.AssertionError({ message: `${diff}\n--- text:\n${text}` });
  return 'same';
}

function yamlFiles(folder, out = []) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) yamlFiles(path, out);
    } else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out;
}

function chunksOf(files) {
  return files.flatMap((file) => splitDocuments(readFileSync(file, 'utf8')).map((c) => c.text));
}

const projectChunks = chunksOf([...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'test'))]);

test('every document of the bench file is in the subset and parses as yaml parses it', () => {
  const { text } = generateMeshFile({ seed: 7, targetBytes: 200_000 });
  const chunks = splitDocuments(text);
  for (const chunk of chunks) assert.equal(check(chunk.text), 'same', chunk.text);
  assert.ok(chunks.length > 150);
});

test('project documents: the fast parser builds what yaml builds, or gives up', () => {
  const counts = { same: 0, outside: 0 };
  for (const text of projectChunks) counts[check(text)]++;
  console.log(`project: ${counts.same} documents in the subset, ${counts.outside} parsed by yaml`);
  assert.ok(counts.same > counts.outside, 'most hand-written manifests are in the subset');
});

test('upstream documents: the fast parser builds what yaml builds, or gives up', (t) => {
  if (!existsSync(UPSTREAM)) return t.skip('…/shared/upstream not found: upstream corpus skipped');
  const counts = { same: 0, outside: 0 };
  for (const text of chunksOf(yamlFiles(UPSTREAM))) counts[check(text)]++;
  console.log(`upstream: ${counts.same} documents in the subset, ${counts.outside} parsed by yaml`);
  assert.ok(counts.same > 300, inspect(counts));
});

test('random edits of real documents: the fast parser builds what yaml builds, or gives up', () => {
  const rnd = createRandom(20261126);
  const pieces = [' ', '  ', '\n', ':', ': ', '-', '- ', '#', ' #', '"', "'", '|', '|-', '>', '[', ']', '{', '}', ',', 'x', '1', '0x1F',
    'yes', '~', 'null', '1.5', '2024-01-01', '\n  ', '\n- ', 'a: b', '&a', '*a', '!t', '<<', '__proto__', '1:30', "''", '""', '\n\n',
    '\n#c\n', '\n# c\n', '\n  # c\n', '\n    # c\n', '\n- # c\n', 'on', '.inf', '-1', '+1', '0o7', '010', '1_000', '\\', '\t', '\r\n', '---', '...', 'é', '\u{1F600}', '\x00', '\x07', '\x85', '\u2028', '\uFEFF', '\xA0'];
  const small = projectChunks.filter((text) => text.length < 3000);
  const counts = { same: 0, outside: 0 };
  for (let i = 0; i < 6000; i++) {
    let text = rnd.pick(small);
    for (let e = rnd.int(1, 3); e > 0; e--) {
      const at = rnd.below(text.length + 1);
      const removed = rnd.chance(0.4) ? rnd.below(4) : 0;
      text = text.slice(0, at) + (rnd.chance(0.8) ? rnd.pick(pieces) : '') + text.slice(at + removed);
    }
    counts[check(text)]++;
  }
  assert.ok(counts.same > 1000 && counts.outside > 1000, inspect(counts));
});

test('texts outside the subset are left to yaml', () => {
  const outside = {
    anchor: 'a: &x 1\nb: 2\n',
    alias: 'a: 1\nb: *x\n',
    tag: 'a: !!str 1\n',
    tab: 'a:\n\tb: 1\n',
    crlf: 'a: 1\r\nb: 2\r\n',
    bom: '\uFEFFa: 1\n',
    folded: 'a: >\n  x\n  y\n',
    keep: 'a: |+\n  x\n\n',
    indentIndicator: 'a: |2\n   x\n',
    multiLinePlain: 'a: one\n  two\n',
    multiLineQuoted: 'a: "one\n  two"\n',
    escape: 'a: "x\\ny"\n',
    commentIndentedOtherwise: 'a: 1\n  # note\nb: 2\n',
    commentsIndentedApart: 'a:\n  # one\n    # two\n  b: 1\n',
    commentAtTheEnd: 'a: 1\n# the end\n',
    commentAfterEmptyValue: 'a:\n# note\nb: 1\n',
    commentAfterKey: 'a: # note\n  b: 1\n',
    nestedFlow: 'a: [[1], 2]\n',
    multiLineFlow: 'a: [1,\n  2]\n',
    mergeKey: 'a: 1\n<<: {b: 2}\n',
    protoKey: '__proto__: 1\n',
    numberKey: '80: http\n',
    booleanKey: 'on: push\n',
    timestamp: 'a: 2024-01-01\n',
    glued: 'a:b\n',
    valueWithColon: 'a: b: c\n',
    emptyDocument: '---\n',
    scalarDocument: 'hello\n',
    emptyItem: 'a:\n- \n- b\n',
    nestedCompactSequence: '- - a\n',
    markerWithContent: '--- a: 1\n',
    documentEnd: 'a: 1\n...\n',
    brokenIndent: 'a:\n    b: 1\n  c: 2\n',
  };
  for (const [name, text] of Object.entries(outside)) {
    assert.equal(parsePlainYaml(text), undefined, name);
    assert.equal(parsePlainValue(text), undefined, name);
  }
});

test('comment lines indented as the line after them are in the subset, and change no range', () => {
  const texts = [
    'a: 1\n# note\nb: 2\n',
    'a:\n  # before the first key\n  b: 1\n\n  # and between keys\n  c: 2\n# back at the top\nd: [x]\n',
    'items:\n# a list at the same indentation\n- a: 0\n  # inside an item\n  b: 1\n- c\n',
  ];
  for (const text of texts) assert.equal(check(text), 'same', text);
});

test('a repeated key: the value-only parse hands the text to the full parse, which keeps the last value', () => {
  for (const text of ['a: 1\nb: 2\na: 3\n', 'spec:\n  x: {p: 1, p: 2}\n']) {
    assert.equal(parsePlainValue(text), HAS_DUPLICATE_KEY);
    assert.equal(check(text), 'same');
  }
});

test('analysis leaves the nodes of a fast-parsed document unbuilt until a resource node is read, then builds them once', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n  - port: 80\n';
  const file = core.analyzeFile(text, { maxFileSizeKB: 1024, aliasBudget: 1000, validateResource: () => [] });
  const [resource] = file.documents[0].analysis.resources;
  assert.equal(typeof Object.getOwnPropertyDescriptor(resource, 'node').get, 'function');
  const node = resource.node;
  assert.equal(resource.node, node, 'built once');
  assert.equal(difference(node, YAML.parseDocument(text, YAML_OPTIONS).contents, '$'), null);
  assert.deepEqual(resource.value, YAML.parse(text));
});
