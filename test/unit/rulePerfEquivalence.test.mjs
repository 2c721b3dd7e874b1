// Randomised equivalence of the rule cache: a workspace is edited at random (numbers,
// values swapped between lines, labels, ports, documents deleted, copied or moved between
// files, files reverted) and after every edit each file's findings from the long-lived,
// cached index must equal those of a fresh index over the same files. Whatever the caches
// keep (per-resource results, derived data, projections with early cut-off), they must
// never change a result. Seeded, so a failure repeats; the seed and edit are in the message.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMeshFile } from '../../bench/generateMeshFile.mjs';
import { core, service, settingsFrom } from '../support/core.mjs';
import { createRandom } from '../../bench/meshFile/random.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));


const dirs = (path) => readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const documentsOf = (text) => text.split(/^---\s*$/m).map((d) => d.replace(/^\n+/, '')).filter((d) => d.trim() !== '');
const joinDocuments = (docs) => docs.map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('---\n');

/** One random edit of the workspace's texts (a Map uri → text); returns what it did. */
function edit(rnd, files) {
  const uris = [...files.keys()];
  const uri = rnd.pick(uris);
  const text = files.get(uri);
  const lines = text.split('\n');
  const op = rnd.below(10);
  if (op <= 2) {
    // a number changes (replicas, ports, weights, timeouts…)
    const candidates = lines.map((l, i) => (/\d/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return 'none';
    const i = rnd.pick(candidates);
    lines[i] = lines[i].replace(/\d+/, () => String(rnd.below(3) === 0 ? 8080 + rnd.below(3) : rnd.below(10)));
    files.set(uri, lines.join('\n'));
    return `number ${uri}:${i}`;
  }
  if (op <= 5) {
    // a scalar value takes the value of another `key: value` line anywhere (labels,
    // hosts, names, namespaces, modes…), so selectors and references start or stop matching
    const scalar = /^(\s*(?:- )?[\w.\-/]+: )(\S.*)$/;
    const all = [...files.values()].flatMap((t) => t.split('\n')).filter((l) => scalar.test(l));
    const candidates = lines.map((l, i) => (scalar.test(l) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0 || all.length === 0) return 'none';
    const i = rnd.pick(candidates);
    const value = scalar.exec(rnd.pick(all))[2];
    lines[i] = lines[i].replace(scalar, (_, head) => head + value);
    files.set(uri, lines.join('\n'));
    return `value ${uri}:${i} → ${value}`;
  }
  const docs = documentsOf(text);
  if (op === 6 && docs.length > 1) {
    const i = rnd.below(docs.length);
    docs.splice(i, 1);
    files.set(uri, joinDocuments(docs));
    return `delete document ${uri}#${i}`;
  }
  if (op === 7 && docs.length > 0) {
    const i = rnd.below(docs.length);
    const target = rnd.pick(uris);
    const targetDocs = documentsOf(files.get(target));
    targetDocs.splice(rnd.below(targetDocs.length + 1), 0, docs[i]);
    files.set(target, joinDocuments(targetDocs));
    return `copy document ${uri}#${i} → ${target}`;
  }
  if (op === 8 && docs.length > 1) {
    // documents swap places (order-dependent results: first match wins, conflicts)
    const i = rnd.below(docs.length);
    const j = rnd.below(docs.length);
    [docs[i], docs[j]] = [docs[j], docs[i]];
    files.set(uri, joinDocuments(docs));
    return `swap documents ${uri}#${i}/${j}`;
  }
  // a line is deleted (a field, a label, a port goes away)
  const i = rnd.below(lines.length);
  lines.splice(i, 1);
  files.set(uri, lines.join('\n'));
  return `delete line ${uri}:${i}`;
}

/**
 * Edits the workspace `rounds` times; after each edit every file's findings through the
 * long-lived index must equal a fresh index's.
 */
function checkEquivalence(seed, initial, rounds, settings = settingsFrom({})) {
  const rnd = createRandom(seed);
  const files = new Map(initial);
  const analyses = new Map();
  const index = new core.WorkspaceIndex(settings.defaultNamespace);
  const sync = () => {
    for (const [uri, text] of files) {
      const previous = analyses.get(uri);
      if (previous && previous.text === text) continue;
      const file = service.analyze(text, settings, previous?.file);
      analyses.set(uri, { text, file });
      index.setFile(uri, file);
    }
  };
  sync();
  for (const uri of files.keys()) core.runRules(uri, index, settings, core.RULES);
  for (let round = 0; round < rounds; round++) {
    const what = edit(rnd, files);
    sync();
    const fresh = new core.WorkspaceIndex(settings.defaultNamespace);
    for (const [uri, { file }] of analyses) fresh.setFile(uri, file);
    // files in a random order, some skipped: caches must not depend on who asked first
    for (const uri of files.keys()) {
      if (rnd.below(4) === 0) continue;
      const cached = core.runRules(uri, index, settings, core.RULES);
      const expected = core.runRules(uri, fresh, settings, core.RULES);
      assert.deepEqual(cached, expected, `seed ${seed}, round ${round} (${what}): findings of ${uri} differ from a fresh run`);
    }
  }
}

/** The generated bench mesh (small), split into files of a few documents each. */
function meshWorkspace(seed, bytes, perFile) {
  const docs = documentsOf(generateMeshFile({ seed, targetBytes: bytes }).text);
  const files = new Map();
  for (let i = 0; i < docs.length; i += perFile) files.set(`file:///mesh/part${i / perFile}.yaml`, joinDocuments(docs.slice(i, i + perFile)));
  return files;
}

/** Every rule fixture case of these code folders, each file under its own uri. */
function fixtureWorkspace(codes) {
  const files = new Map();
  for (const code of codes) {
    for (const name of dirs(join(FIXTURES, code))) {
      const dir = join(FIXTURES, code, name);
      for (const file of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) files.set(`file:///fixtures/${code}/${name}/${file}`, readFileSync(join(dir, file), 'utf8'));
    }
  }
  return files;
}

describe('rule cache equivalence under random edits', () => {
  test('a generated mesh (workloads, Services, routes, policies) across files', () => {
    for (const seed of [1, 2, 3]) checkEquivalence(seed, meshWorkspace(seed, 40_000, 8), 50);
  });

  test('the rule fixtures, in groups of related codes', () => {
    const codes = dirs(FIXTURES);
    const groups = 6;
    for (let g = 0; g < groups; g++) {
      const group = codes.filter((_, i) => i % groups === g);
      checkEquivalence(100 + g, fixtureWorkspace(group), 15);
    }
  });

  test('another default namespace', () => {
    checkEquivalence(7, meshWorkspace(7, 25_000, 5), 40, settingsFrom({ defaultNamespace: 'payments' }));
  });
});
