// Replays istioctl analyze's own analyzer test cases (../shared/upstream/istio-analyzers,
// see its README) against our IST rules and writes docs/istioctl-parity.md.
//
// Per case, as upstream's harness does: every input file plus
// implicit-default-resources.yaml go into one workspace index with an empty default
// namespace; only the rules that name the case's analyzer run; findings become
// `{code, "Kind ns/name" | "Kind name"}`, deduplicated like istioctl's
// SortedDedupedCopy (same code, resource and message text) and compared with
// `expected` as a multiset. A `meshConfigFile` is given to the rules the way a cluster
// holds it: as `data.mesh` of the ConfigMap `istio` in istio-system.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { core, ROOT } from '../support/core.mjs';

const UPSTREAM = path.join(ROOT, '..', 'shared', 'upstream', 'istio-analyzers');
const DOC = path.join(ROOT, 'docs', 'istioctl-parity.md');
/** Case files the editor would skip as templates (see runCase). */
const templated = new Set();

/** Codes an implemented analyzer reports that we cannot decide from manifests. */
const OUT_OF_REACH_CODES = {
  'injection.Analyzer': { IST0103: 'PodMissingProxy looks at Pods after admission; a Pod manifest is injected when applied, so a missing `istio-proxy` container in a file is normal.' },
  'gateway.SecretAnalyzer': { IST0161: 'InvalidGatewayCredential parses the certificates inside Secrets; key material does not belong in a repository, and X.509 parsing is outside the pure core.' },
};

/** Analyzers not implemented at all, with the reason. */
const NOT_IMPLEMENTED = {
  'injection.ImageAutoAnalyzer': 'IST0146/IST0147 need the cluster: whether `image: auto` gets replaced depends on the injector webhooks installed in the cluster (MutatingWebhookConfigurations), and a Pod manifest with `image: auto` is fine until admission.',
};

function resourceName(entry) {
  const name = entry.resource.name ?? '';
  return entry.namespace ? `${entry.resource.kind} ${entry.namespace}/${name}` : `${entry.resource.kind} ${name}`;
}

function meshConfigMap(text) {
  return JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio', namespace: 'istio-system' }, data: { mesh: text } });
}

function runCase(c, rules, settings) {
  const service = core.createMeshService({ validateResource: () => [], rules });
  const index = new core.WorkspaceIndex('');
  const files = [c.file, ...(c.extraInputFiles ?? [])].map((f) => ({ uri: `file:///testdata/${f}`, text: readFileSync(path.join(UPSTREAM, 'testdata', f), 'utf8') }));
  files.push({ uri: 'file:///implicit-default-resources.yaml', text: readFileSync(path.join(UPSTREAM, 'implicit-default-resources.yaml'), 'utf8') });
  if (c.meshConfigFile) files.push({ uri: 'file:///meshconfig.yaml', text: meshConfigMap(readFileSync(path.join(UPSTREAM, 'testdata', c.meshConfigFile), 'utf8')) });
  for (const f of files) {
    const analyzed = service.analyze(f.text, settings);
    if (analyzed.findings.some((x) => x.code === 'MM107')) {
      // The editor treats files with Helm actions as templates (MM107); upstream's inputs only
      // hold such text inside quoted strings, so the replay reads them as plain YAML.
      templated.add(c.file);
      index.setResources(f.uri, core.splitDocuments(f.text).flatMap((chunk) => core.extractResources(core.parseChunk(chunk.text).doc, settings.aliasBudget).resources.map((resource) => ({ resource, base: chunk.offset }))));
    } else {
      index.setFile(f.uri, analyzed);
    }
  }
  const seen = new Set();
  const actual = [];
  for (const f of files) {
    for (const resource of index.inFile(f.uri)) {
      const locator = core.createLocator(resource.resource.node, resource.base);
      for (const rule of rules) {
        if (!rule.appliesTo(resource)) continue;
        for (const finding of rule.check({ resource, index, settings, locator })) {
          const key = `${finding.code}\u0000${resourceName(resource)}\u0000${finding.message}`;
          if (seen.has(key)) continue;
          seen.add(key);
          actual.push(`${finding.code} ${resourceName(resource)}`);
        }
      }
    }
  }
  return actual.sort();
}

function multisetDiff(expected, actual) {
  const left = [...expected];
  const extra = [];
  for (const a of actual) {
    const i = left.indexOf(a);
    if (i === -1) extra.push(a);
    else left.splice(i, 1);
  }
  return { missing: left, extra };
}

if (!existsSync(path.join(UPSTREAM, 'expected.json'))) {
  test('istioctl analyze parity', { skip: `${UPSTREAM} is absent: the istioctl replay needs ../shared/upstream/istio-analyzers` }, () => {});
} else {
  const cases = JSON.parse(readFileSync(path.join(UPSTREAM, 'expected.json'), 'utf8'));
  // IST0136 is opt-in: the replay turns it on, as `istioctl analyze` does for the analyzer under test
  const settings = core.normaliseSettings({ rules: { IST0136: 'info' } }).settings;
  const results = cases.map((c, i) => {
    const rules = core.RULES.filter((r) => Array.isArray(r.analyzers) && r.analyzers.includes(c.analyzer));
    const excluded = OUT_OF_REACH_CODES[c.analyzer] ?? {};
    const expected = c.expected.map((e) => `${e.code} ${e.resource}`).filter((e) => !(e.split(' ')[0] in excluded)).sort();
    const skippedExpected = c.expected.filter((e) => e.code in excluded).length;
    if (rules.length === 0) return { i, c, implemented: false, expected, skippedExpected };
    const actual = runCase(c, rules, settings);
    const diff = multisetDiff(expected, actual);
    return { i, c, implemented: true, expected, actual, diff, skippedExpected, agrees: diff.missing.length === 0 && diff.extra.length === 0 };
  });

  writeParityDoc(results);

  for (const r of results) {
    const name = `#${r.i} ${r.c.analyzer} ${r.c.file}${r.c.extraInputFiles ? ` + ${r.c.extraInputFiles.join(', ')}` : ''}`;
    if (!r.implemented) {
      test(name, { skip: NOT_IMPLEMENTED[r.c.analyzer] ?? 'analyzer not implemented' }, () => {});
      continue;
    }
    test(name, () => {
      assert.deepEqual(r.diff, { missing: [], extra: [] }, `disagreement with istioctl:\n  expected: ${JSON.stringify(r.expected)}\n  actual:   ${JSON.stringify(r.actual)}`);
    });
  }

  test('every analyzer in expected.json is implemented or listed as out of reach', () => {
    const unknown = [...new Set(results.filter((r) => !r.implemented && !(r.c.analyzer in NOT_IMPLEMENTED)).map((r) => r.c.analyzer))];
    assert.deepEqual(unknown, []);
  });
}

function writeParityDoc(results) {
  const byAnalyzer = new Map();
  for (const r of results) {
    const list = byAnalyzer.get(r.c.analyzer) ?? [];
    list.push(r);
    byAnalyzer.set(r.c.analyzer, list);
  }
  const implementedCases = results.filter((r) => r.implemented);
  const agreeing = implementedCases.filter((r) => r.agrees).length;
  const lines = [
    '# istioctl analyze parity',
    '',
    'Generated by `test/unit/istioctlParity.test.mjs` — do not edit by hand. It replays the analyzer test cases of istio/istio',
    '(`../shared/upstream/istio-analyzers/expected.json`, commit `86c9f01f`) against the IST rules, one analyzer at a time, and compares',
    'code and resource of every message (as a multiset, after istioctl\'s own deduplication).',
    '',
    `**Overall: ${agreeing} / ${implementedCases.length} cases of implemented analyzers agree; ${results.length - implementedCases.length} of ${results.length} cases belong to analyzers that need a cluster.**`,
    '',
    '| Analyzer | Implemented | Cases agreeing / total | Notes |',
    '|---|---|---|---|',
  ];
  for (const [analyzer, list] of [...byAnalyzer].sort(([a], [b]) => a.localeCompare(b))) {
    const implemented = list[0].implemented;
    const notes = [];
    if (!implemented) notes.push(NOT_IMPLEMENTED[analyzer] ?? 'not implemented');
    for (const [code, why] of Object.entries(OUT_OF_REACH_CODES[analyzer] ?? {})) {
      const n = list.reduce((sum, r) => sum + (r.c.expected.filter((e) => e.code === code).length), 0);
      notes.push(`${code} not implemented (${n} expected message${n === 1 ? '' : 's'} left out of the comparison): ${why}`);
    }
    if (list.some((r) => r.c.meshConfigFile)) notes.push('MeshConfig cases read the file as `data.mesh` of ConfigMap `istio` in istio-system.');
    for (const f of new Set(list.filter((r) => templated.has(r.c.file)).map((r) => r.c.file))) notes.push(`\`${f}\` (or an extra input) holds \`{{ }}\` inside strings; the editor treats such files as templates (MM107: only template-safe checks, resources kept out of the workspace); the replay reads them as plain YAML.`);
    if (list[0].c.notInDefaultSet) notes.push('Not in istioctl\'s default set; IST0136 is opt-in here too (`mumbaiMesh.rules`).');
    for (const r of list.filter((x) => x.implemented && !x.agrees)) notes.push(`#${r.i} ${r.c.file} disagrees: missing ${JSON.stringify(r.diff.missing)}, extra ${JSON.stringify(r.diff.extra)}`);
    const count = implemented ? `${list.filter((r) => r.agrees).length} / ${list.length}` : `— / ${list.length}`;
    lines.push(`| \`${analyzer}\` | ${implemented ? (OUT_OF_REACH_CODES[analyzer] ? 'partly' : 'yes') : 'no'} | ${count} | ${notes.join(' ').replace(/\|/g, '\\|')} |`);
  }
  lines.push('');
  mkdirSync(path.dirname(DOC), { recursive: true });
  writeFileSync(DOC, `${lines.join('\n')}\n`);
}
