// The workspace index updates its kind lists and workspace order in place after an edit
// (a resource replaced by one of the same kind where it was) instead of rebuilding them.
// Whatever the edit — a replacement, resources kept but moved, swapped, added or removed —
// every read must answer as an index built from scratch over the same files, and the kind
// generations must move for exactly the kinds whose resources changed. Seeded and random.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { core } from '../support/core.mjs';
import { createRandom } from '../../bench/meshFile/random.mjs';


const KINDS = [['apps/v1', 'Deployment'], ['v1', 'Service'], ['networking.istio.io/v1', 'VirtualService']];
let serial = 0;
/** A resource as the index needs it (the rules are not run here). */
function resource(rnd) {
  const [apiVersion, kind] = rnd.pick(KINDS);
  const name = `r${rnd.below(6)}`;
  return { apiVersion, kind, name, namespace: rnd.pick(['a', 'b', undefined]), value: { serial: serial++ }, node: null, path: [], documentText: '' };
}

/** Everything the index answers, as names, for comparing two indexes. */
function reads(index) {
  const id = (e) => `${e.uri}|${e.resource.kind}|${e.namespace}|${e.resource.name}|${e.resource.value.serial}|${e.base}`;
  const out = { all: index.all().map(id), namespaces: [...index.namespacesInUse()].sort() };
  for (const [, kind] of KINDS) {
    out[kind] = index.ofKind(kind).map(id);
    for (const ns of ['a', 'b', 'default']) for (let n = 0; n < 6; n++) out[`${kind}/${ns}/r${n}`] = index.find(kind, ns, `r${n}`) && id(index.find(kind, ns, `r${n}`));
    out[`lookup ${kind}`] = ['a', 'b', 'default'].flatMap((ns) => [0, 1, 2, 3, 4, 5].map((n) => {
      const group = kind === 'Service' ? '' : kind === 'Deployment' ? 'apps' : 'networking.istio.io';
      const e = index.lookup(kind, group, ns, `r${n}`);
      return e ? id(e) : '-';
    }));
  }
  out.kinds = index.ofKinds(KINDS.map(([, k]) => k)).map(id);
  return out;
}

describe('workspace index updates in place', () => {
  test('random edits read the same as a fresh index, and change the right kinds', () => {
    for (const seed of [1, 2, 3, 4]) {
      const rnd = createRandom(seed);
      const files = new Map();
      for (const uri of ['u1', 'u2', 'u3']) files.set(uri, Array.from({ length: 6 }, () => ({ resource: resource(rnd), base: 0 })));
      const index = new core.WorkspaceIndex('default');
      for (const [uri, placed] of files) index.setResources(uri, placed);
      for (let round = 0; round < 200; round++) {
        const uri = rnd.pick([...files.keys()]);
        const placed = files.get(uri).slice();
        const op = rnd.below(6);
        if (op <= 1 && placed.length > 0) {
          // an edit: the same kind at the same place, a new resource
          const i = rnd.below(placed.length);
          placed[i] = { resource: { ...placed[i].resource, value: { serial: serial++ } }, base: placed[i].base };
        } else if (op === 2 && placed.length > 1) {
          const i = rnd.below(placed.length);
          const j = rnd.below(placed.length);
          [placed[i], placed[j]] = [placed[j], placed[i]];
        } else if (op === 3) {
          placed.splice(rnd.below(placed.length + 1), 0, { resource: resource(rnd), base: 0 });
        } else if (op === 4 && placed.length > 0) {
          placed.splice(rnd.below(placed.length), 1);
        } else if (placed.length > 1) {
          // an edit and a move at once
          const i = rnd.below(placed.length);
          placed[i] = { resource: { ...placed[i].resource, value: { serial: serial++ } }, base: 0 };
          const [moved] = placed.splice(rnd.below(placed.length), 1);
          placed.splice(rnd.below(placed.length + 1), 0, moved);
        }
        // documents shift: bases follow their position
        files.set(uri, placed.map((p, k) => ({ resource: p.resource, base: k * 10 })));
        const before = index.generation;
        const oldKinds = new Set(index.inFile(uri).map((e) => e.resource.kind));
        const oldEntries = index.inFile(uri);
        index.setResources(uri, files.get(uri));
        const fresh = new core.WorkspaceIndex('default');
        for (const [u, p] of files) fresh.setResources(u, p);
        assert.deepEqual(reads(index), reads(fresh), `seed ${seed}, round ${round}, op ${op}`);
        // kinds whose resources did not change keep their generation
        const same = oldEntries.length === index.inFile(uri).length && oldEntries.every((e, k) => e === index.inFile(uri)[k]);
        if (same) {
          for (const kind of oldKinds) assert.ok(index.unchangedSince(new Set([kind]), before), `seed ${seed}, round ${round}: ${kind} unchanged`);
        }
      }
    }
  });
});
