// The docs stay true to the code: every code the core can report has its section in
// docs/rules.md (with a bad and a good example), and every setting the extension
// contributes is in the README's settings table and in the server's settings type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { core } from '../support/core.mjs';

const root = new URL('../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');

test('every code has a section in docs/rules.md with a bad and a good example', () => {
  const rules = read('docs/rules.md');
  const sections = rules.split(/<a id="/).slice(1);
  const byCode = new Map(sections.map((s) => [s.slice(0, s.indexOf('"')), s]));
  for (const code of core.CODES.keys()) {
    const section = byCode.get(code);
    assert.ok(section, `docs/rules.md has no <a id="${code}"></a>`);
    assert.match(section, new RegExp(`^${code}"></a>\\n## ${code} — `), `${code}: heading follows the anchor`);
    assert.match(section, /```yaml[\s\S]*```[\s\S]*```yaml[\s\S]*```/, `${code}: a bad and a good YAML example`);
  }
});

test('every contributed setting is documented in the README and known to the server', () => {
  const pkg = JSON.parse(read('package.json'));
  const readme = read('README.md');
  const defaults = core.DEFAULT_SETTINGS;
  for (const key of Object.keys(pkg.contributes.configuration.properties)) {
    assert.ok(readme.includes(`\`${key}\``), `README.md mentions ${key}`);
    if (key === 'mumbaiMesh.trace.server') continue; // read by the language client itself
    const path = key.replace(/^mumbaiMesh\./, '').split('.');
    let value = defaults;
    for (const part of path) value = value?.[part];
    assert.notEqual(value, undefined, `${key} has a default in server/src/core/settings.ts`);
  }
});
