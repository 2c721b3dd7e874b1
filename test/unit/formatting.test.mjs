// Format Document from the pure core: consistent indentation and spacing per YAML document,
// comments, key order, anchors and scalar styles kept, `---` separators kept; documents with
// syntax errors, template files and `mumbaiMesh.format.enable: false` left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, diagnose } from '../support/core.mjs';

function format(text, options = {}) {
  const edits = core.formatDocument(text, { tabSize: 2, ...options });
  const lines = core.createLineIndex(text);
  let out = text;
  for (const e of [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start))) {
    out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  }
  return { edits, out };
}

const MESSY = `# Reviews routing, owned by the payments team
apiVersion:   networking.istio.io/v1   # GA since Istio 1.22
kind: VirtualService
metadata:
    name: reviews
    namespace: prod
    annotations:
        owner: "payments"
        ticket: 'PAY-42'
spec:
    hosts:
    - reviews   # short name, resolved in prod

    # canary: 10% to v2
    http:
    -   route:
        -   destination: {host: reviews, subset: v1}
            weight: 90
        -   destination:
                host: reviews
                subset: v2
            weight: 10
`;

const TIDY = `# Reviews routing, owned by the payments team
apiVersion: networking.istio.io/v1 # GA since Istio 1.22
kind: VirtualService
metadata:
  name: reviews
  namespace: prod
  annotations:
    owner: "payments"
    ticket: 'PAY-42'
spec:
  hosts:
  - reviews # short name, resolved in prod

  # canary: 10% to v2
  http:
  - route:
    - destination: { host: reviews, subset: v1 }
      weight: 90
    - destination:
        host: reviews
        subset: v2
      weight: 10
`;

test('re-indents and re-spaces, keeping comments (and the blank line before one), key order and quoting', () => {
  assert.equal(format(MESSY).out, TIDY);
});

test('formatted text is left as it is: no edits', () => {
  assert.deepEqual(format(TIDY).edits, []);
});

test('the editor\'s tab size sets the indentation; lists stay in the file\'s style', () => {
  const { out } = format('a:\n  b:\n    - x\n    - y\n  c: 1\n', { tabSize: 4 });
  assert.equal(out, 'a:\n    b:\n        - x\n        - y\n    c: 1\n');
});

test('one edit per changed document; `---` separators and the clean documents untouched', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n      name: b\n---\n# just a comment\n`;
  const { edits, out } = format(text);
  assert.equal(edits.length, 1);
  assert.deepEqual(edits[0].range, { start: { line: 4, character: 0 }, end: { line: 9, character: 0 } });
  assert.equal(out, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n---\n# just a comment\n');
});

test('values read back the same: YAML 1.1 booleans and octals, anchors, block scalars, timestamps', () => {
  const text = 'data:\n    enabled: yes\n    mode: 0755\n    base: &base {a: 1}\n    copy: *base\n    script: |\n        echo "# not a comment"\n        exit 0\n    when: 2024-01-02\n';
  assert.equal(format(text).out, 'data:\n  enabled: yes\n  mode: 0755\n  base: &base { a: 1 }\n  copy: *base\n  script: |\n    echo "# not a comment"\n    exit 0\n  when: 2024-01-02\n');
});

test('a comment after a list, aligned with the next key, stays with that key; a closing comment stays at the margin', () => {
  const text = 'spec:\n  ports:\n  - port: 80\n\n  # the selector\n  selector:\n      app: a\n\n# end\n';
  assert.equal(format(text).out, 'spec:\n  ports:\n  - port: 80\n\n  # the selector\n  selector:\n    app: a\n\n# end\n');
});

test('CRLF line ends stay CRLF', () => {
  assert.equal(format('a:\r\n    b: 1 # note\r\n').out, 'a:\r\n  b: 1 # note\r\n');
});

test('a document with syntax errors is never touched; the others still are', () => {
  const text = 'a:\n    b: 1\n---\nkey: [unclosed\nother:    2\n';
  const { edits, out } = format(text);
  assert.equal(edits.length, 1);
  assert.equal(out, 'a:\n  b: 1\n---\nkey: [unclosed\nother:    2\n');
});

test('template files and mumbaiMesh.format.enable: false give no edits', () => {
  assert.deepEqual(format('metadata:\n    name: {{ .Values.name }}\n').edits, []);
  // not a Helm action, but unquoted braces still must not become `{ ? { … } }`
  assert.deepEqual(format('labels:\n    team: {{ team }}\n').edits, []);
  assert.deepEqual(format(MESSY, { enable: false }).edits, []);
});

test('a formatted manifest validates exactly as before', () => {
  assert.deepEqual(diagnose(format(MESSY).out).map((d) => d.code), diagnose(MESSY).map((d) => d.code));
});

test('the setting defaults to on and is normalised', () => {
  assert.equal(core.DEFAULT_SETTINGS.format.enable, true);
  assert.equal(core.normaliseSettings({ format: { enable: false } }).settings.format.enable, false);
  const bad = core.normaliseSettings({ format: { enable: 'no' } });
  assert.equal(bad.settings.format.enable, true);
  assert.equal(bad.warnings.length, 1);
});
