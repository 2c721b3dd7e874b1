// Real-editor tests of authoring (issue 7): the packaged .vsix in VS Code 1.100.3
// (code-server) shown by headless chromium, read at DOM level, as editor.test.mjs does.
// One editor for the whole file, on a throwaway copy of test/fixtures/e2e/authoring:
//   - snippets: in a fixture file, type a prefix (one themed, one plain), Control+Space,
//     pick the row by its label, Enter; the editor then shows the snippet with every
//     default accepted (computed here from snippets/istio.json), and once the server has
//     published for the edited text there is no diagnostic and no squiggle;
//   - hover: on a field key of a clean manifest, the hover shows our own-words description
//     (the text in server/src/core/hover/fieldDocs/), the field's path and type line.
// Run with `npm run test:e2e`, or after `npm run package` and `bash test/e2e/setup.sh .e2e`:
//   node --test --test-reporter=spec test/e2e/authoring.test.mjs   (MM_E2E_VSIX: another .vsix)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, checkSetup, copyFixture, keepOnFailure, startSession, waitFor } from './harness/codeServerSession.mjs';
import {
  allSquiggles, editorLines, hoverAt, openFile, publishedDiagnostics, sentDocumentVersions, textBox, tracedRequests, typeAndAcceptSuggestion,
  waitForWorkbench,
} from './harness/workbench.mjs';

const VSIX = path.resolve(ROOT, process.env.MM_E2E_VSIX ?? 'mumbai-mesh.vsix');
const FIXTURE = path.join(ROOT, 'test/fixtures/e2e/authoring');
const TEST_TIMEOUT_MS = 120_000;
const SERVER_WAIT_MS = 30_000; // the first publication includes the server's start (seen: 2-4 s)
const NO_SQUIGGLE_MS = 1_500; // as editor.test.mjs: the time the editor takes to draw a squiggle that should be there

checkSetup();
if (!fs.existsSync(VSIX)) throw new Error(`not found: ${VSIX} (run: npm run package)`);

// ---- snippets: what the editor must show, from the snippet files the .vsix ships ----

const SNIPPET_FILES = ['istio', 'linkerd', 'consul', 'kubernetes'].map((f) => path.join(ROOT, 'snippets', `${f}.json`));

/** The snippet (title and body text) that has `prefix` among its prefixes. */
function snippetFor(prefix) {
  for (const file of SNIPPET_FILES) {
    for (const [title, s] of Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')))) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      if (prefixes.includes(prefix)) return { title, body: Array.isArray(s.body) ? s.body.join('\n') : s.body };
    }
  }
  throw new Error(`no snippet has the prefix ${prefix}`);
}

/**
 * The body with every default accepted, as VS Code inserts it: `${1:x}` → x, `${1|a,b|}` → a,
 * `${1}` / `$1` → the default of 1, `$0` → nothing. Only the syntax our snippets use; anything
 * else (variables, nesting, escapes) throws, so a new snippet cannot be checked wrongly.
 */
function expandDefaults(body) {
  const defaults = new Map();
  for (const m of body.matchAll(/\$\{(\d+):([^${}]*)\}/g)) defaults.set(m[1], m[2]);
  for (const m of body.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)) defaults.set(m[1], m[2].split(',')[0]);
  const text = body.replace(/\$\{(\d+)(?::[^${}]*|\|[^|]*\|)?\}|\$(\d+)/g, (_, a, b) => (a ?? b) === '0' ? '' : (defaults.get(a ?? b) ?? ''));
  if (/[$\\]/.test(text)) throw new Error(`snippet syntax this test does not expand: ${body}`);
  return text;
}

// ---- hover: our own words for a field, from server/src/core/hover/fieldDocs/ ----

const FIELD_DOCS = path.join(ROOT, 'server/src/core/hover/fieldDocs');
const HOVERS = [
  {
    key: 'retries',
    header: 'spec.http[0].retries · VirtualService (networking.istio.io/v1)',
    docs: 'How the calling proxy retries a failed request: how often, when, and how long each try may take.',
    source: 'istioVirtualService.ts',
    type: 'object',
    reference: 'VirtualService reference',
  },
  {
    key: 'outlierDetection',
    header: 'spec.trafficPolicy.outlierDetection · DestinationRule (networking.istio.io/v1)',
    docs: 'Passive health checking: endpoints that keep failing are taken out of the load-balancing pool for a while (ejected), then let back in.',
    source: 'istioDestinationRule.ts',
    type: 'object',
    reference: 'DestinationRule reference',
  },
];

describe('authoring in the editor: snippets and hover docs', { timeout: TEST_TIMEOUT_MS * 5 }, () => {
  let session;
  let workspace;
  const uriOf = (relative) => `file://${path.join(workspace.dir, relative)}`;

  before(async () => {
    workspace = copyFixture(FIXTURE, 'authoring');
    session = await startSession({
      workspace: workspace.dir,
      vsix: VSIX,
      settings: {
        'mumbaiMesh.trace.server': 'verbose',
        // suggestions open on Control+Space only, never on their own while the prefix is
        // typed (as quick suggestions, or on the server's trigger characters, `-` among them);
        // for [yaml], which VS Code's own YAML support gives quick suggestions in strings
        '[yaml]': {
          'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
          'editor.suggestOnTriggerCharacters': false,
        },
      },
      // tall enough that a whole snippet (45 lines) is on screen: the editor draws only those
      viewport: { width: 1280, height: 1400 },
    });
    await waitForWorkbench(session.page);
  });
  after(async () => {
    await session?.stop();
    if (!session?.failed) workspace?.remove();
  });

  /** Waits until the server's latest publication for `relative` is empty and answers `version` or later. */
  async function awaitCleanPublication(relative, minVersion = 0) {
    const uri = uriOf(relative);
    let latest;
    await waitFor(`the server to publish no diagnostics for ${relative} (version ${minVersion} or later)`, () => {
      latest = publishedDiagnostics(session.userData).filter((p) => p.uri === uri).at(-1);
      const lastSent = sentDocumentVersions(session.userData, uri).at(-1)?.version ?? 0;
      return latest && latest.version >= Math.max(minVersion, lastSent) && latest.diagnostics.length === 0;
    }, SERVER_WAIT_MS).catch((e) => {
      throw new Error(`${e.message}; latest publication: version ${latest?.version}, ${JSON.stringify(latest?.diagnostics ?? 'none')}`);
    });
    return latest;
  }

  /** No squiggle of any severity appears in the active editor within the time one takes to draw. */
  async function assertNoSquiggle(relative) {
    for (const deadline = Date.now() + NO_SQUIGGLE_MS; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      assert.deepEqual(await allSquiggles(session.page), [], `squiggles in ${relative}`);
    }
  }

  // one themed prefix and one plain one (issue 7: a user who does not know the theme
  // finds snippets by pattern name); the kinds each inserts, as written in snippets/istio.json
  for (const { file, prefix, marker, kinds } of [
    { file: 'canary.yaml', prefix: 'mm-dabbawala-canary', marker: 'mm-dabbawala-canary snippet', kinds: ['VirtualService', 'DestinationRule'] },
    { file: 'mtls.yaml', prefix: 'mm-strict-mtls', marker: 'mm-strict-mtls snippet', kinds: ['PeerAuthentication'] },
  ]) {
    const snippet = snippetFor(prefix);
    const inserted = expandDefaults(snippet.body);
    test(`${file}: typing ${prefix}, Control+Space, Enter inserts "${snippet.title}" and draws no squiggle`, { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
      const { page, userData } = session;
      const uri = uriOf(file);
      await openFile(page, file, marker);
      // the server has the file open (its first publication): it can offer its completions too
      await awaitCleanPublication(file);
      const before = (await editorLines(page)).map((l) => l.text);
      assert.equal(before.length, 2, `${file} should be one comment line and an empty last line: ${JSON.stringify(before)}`);
      // type on the empty last line
      await page.keyboard.press('Control+End');
      const typed = Date.now();
      // the server answers Control+Space too (its snippet items, for editors other than
      // VS Code): the row is picked once its answer is in, so the list no longer changes
      const line = before.length - 1;
      const answered = () => waitFor('the server\'s answer to the completion request of Control+Space', () => {
        const last = tracedRequests(userData, 'textDocument/completion').at(-1);
        return last?.params?.context?.triggerKind === 1 && last.params.position.line === line
          && last.params.position.character === prefix.length && last.answered && !last.failed;
      }, 10_000);
      const row = await typeAndAcceptSuggestion(page, prefix, { answered });
      session.step(`accepted "${row.label}" (${row.details}) from ${row.rows.length} suggestions: ${row.rows.map((r) => r.label).join(', ')}`);
      assert.equal(row.details, snippet.title, 'the row shows the snippet\'s title');

      // the editor shows the comment line, then the snippet with its defaults
      const want = [before[0], ...inserted.split('\n')];
      let lines = [];
      await waitFor(`${file} to show the expanded snippet`, async () => {
        lines = await editorLines(page);
        return lines.length === want.length && lines.every((l, i) => l.text === want[i]);
      }, 10_000).catch(() => {
        assert.deepEqual(lines.map((l) => l.text), want, `${file} after accepting ${prefix}`);
      });
      assert.deepEqual(lines.map((l) => l.number), want.map((_, i) => i + 1), 'the whole file is on screen, from line 1');
      const shown = lines.map((l) => l.text);
      assert.match(shown[1], /^apiVersion: \S+$/, 'the snippet starts with its apiVersion');
      assert.deepEqual(shown.filter((l) => l.startsWith('kind: ')), kinds.map((k) => `kind: ${k}`));
      // leave snippet mode (its placeholders are selected); this edits nothing
      await page.keyboard.press('Escape');

      // the proof that the server checked this text: a publication for the version that
      // carried the snippet (or later), and it is empty
      const carried = await waitFor(`the client to send ${file} with the snippet`, () =>
        sentDocumentVersions(userData, uri).find((v) => v.texts.some((t) => t.includes(inserted.trimEnd()))), 10_000);
      const published = await awaitCleanPublication(file, carried.version);
      session.step(`${file}: no diagnostics for version ${published.version}, ${((Date.now() - typed) / 1000).toFixed(1)}s after typing began`);
      await assertNoSquiggle(file);
    }));
  }

  for (const h of HOVERS) {
    test(`hover.yaml: hovering "${h.key}" shows our description, the field path and its type`, { timeout: TEST_TIMEOUT_MS }, () => keepOnFailure(session, async () => {
      // the text we expect is ours, from the field docs (not the upstream description)
      assert.ok(fs.readFileSync(path.join(FIELD_DOCS, h.source), 'utf8').includes(h.docs),
        `"${h.docs}" is no longer in fieldDocs/${h.source}: update HOVERS in this test`);
      const { page } = session;
      await openFile(page, 'hover.yaml', 'outlierDetection');
      // answered by the server (and the fixture is clean) before we hover
      await awaitCleanPublication('hover.yaml');
      const box = await textBox(page, `${h.key}:`, h.key);
      assert.ok(box, `no line starting "${h.key}:" on screen`);
      const hover = await hoverAt(page, box, h.docs.slice(0, 40));
      const lines = hover.split('\n').map((l) => l.trim()).filter(Boolean);
      assert.equal(lines[0], h.header, hover);
      assert.ok(lines.includes(h.docs), `our description is not a line of the hover:\n${hover}`);
      assert.ok(lines.includes(`Type: ${h.type}`), `no "Type: ${h.type}" line:\n${hover}`);
      assert.ok(lines.includes(h.reference), `no "${h.reference}" link:\n${hover}`);
      const link = await page.locator('.monaco-hover:not(.hidden) a', { hasText: h.reference }).first().getAttribute('data-href');
      assert.match(link ?? '', /^https:\/\/istio\.io\/latest\/docs\/reference\/config\/networking\//);
      await page.mouse.move(1, 1);
    }));
  }
});
