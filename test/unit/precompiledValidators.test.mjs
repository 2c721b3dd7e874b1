// The validators the build precompiles into dist/validators (scripts/buildValidators.mjs):
// there is one for every shipped schema after the build, the bundled CLI loads them from beside
// itself, and it compiles the schema instead when a validator was made from another schema file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VALIDATORS = join(ROOT, 'dist/validators');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const work = mkdtempSync(join(tmpdir(), 'mumbai-mesh-validators-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('after the build, dist/validators holds a self-contained validator for every schema file, made from that file', () => {
  const manifest = readJson(join(VALIDATORS, 'index.json'));
  const files = [...new Set(readJson(join(ROOT, 'schemas/index.json')).map((e) => e.file))];
  assert.deepEqual(Object.keys(manifest.validators).sort(), [...files].sort());
  // loaded from a copy outside the repository: they need no node_modules (the .vsix has none)
  const copy = join(work, 'validators');
  cpSync(VALIDATORS, copy, { recursive: true });
  for (const file of files) {
    const { module, sha256: hash } = manifest.validators[file];
    assert.equal(hash, sha256(readFileSync(join(ROOT, 'schemas', file), 'utf8')), `${file}: validator made from another version of the schema`);
    const validate = require(join(copy, module));
    assert.equal(typeof validate, 'function', `${module} exports no validate function`);
    assert.equal(validate.schemaEnv, undefined, `${module} is not standalone code`);
    assert.equal(validate({ metadata: { name: 'Bad_Name' }, spec: { zzUnknown: 1 } }), false);
    assert.ok(validate.errors.length > 0);
  }
  // versions with the same fields share one module
  const modules = new Set(Object.values(manifest.validators).map((v) => v.module));
  assert.ok(modules.size < files.length, 'identical schemas should share a module');
});

test('the .vsix ships dist/validators', () => {
  assert.ok(readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('!dist/validators/**'));
});

// A copy of the installed layout (dist/cli.js, dist/validators, schemas/) whose ConfigMap
// validator is a stub that always reports a missing `sentinelField`: seeing that finding proves
// the CLI validated with the precompiled validator.
function layout(name) {
  const pkg = join(work, name);
  mkdirSync(join(pkg, 'dist/validators'), { recursive: true });
  copyFileSync(join(ROOT, 'dist/cli.js'), join(pkg, 'dist/cli.js'));
  cpSync(join(ROOT, 'schemas'), join(pkg, 'schemas'), { recursive: true });
  const file = 'core/v1/ConfigMap.json';
  writeFileSync(join(pkg, 'dist/validators/index.json'), JSON.stringify({
    version: 1,
    validators: { [file]: { module: 'stub.js', sha256: sha256(readFileSync(join(pkg, 'schemas', file), 'utf8')) } },
  }));
  writeFileSync(join(pkg, 'dist/validators/stub.js'), `module.exports = function validate(data) {
  validate.errors = [{ instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'sentinelField' }, schema: ['sentinelField'], parentSchema: {}, data }];
  return false;
};\n`);
  writeFileSync(join(pkg, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n');
  return pkg;
}

function check(pkg) {
  const result = spawnSync(process.execPath, [join(pkg, 'dist/cli.js'), 'check', '--format', 'json', 'cm.yaml'], { cwd: pkg, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  const messages = JSON.parse(result.stdout).flatMap((f) => f.diagnostics.map((d) => d.message));
  return { messages, stderr: result.stderr };
}

test('the bundled CLI validates with the precompiled validator from beside it', () => {
  assert.ok(existsSync(join(ROOT, 'dist/cli.js')), 'run the build first');
  const { messages, stderr } = check(layout('current'));
  assert.ok(messages.some((m) => m.includes('sentinelField')), `expected the stub's finding, got ${JSON.stringify(messages)}`);
  assert.equal(stderr, '');
});

test('a validator made from another version of the schema file is not used: the schema is compiled instead', () => {
  const pkg = layout('stale');
  const schemaFile = join(pkg, 'schemas/core/v1/ConfigMap.json');
  writeFileSync(schemaFile, `${readFileSync(schemaFile, 'utf8')}\n`);
  const { messages, stderr } = check(pkg);
  assert.deepEqual(messages.filter((m) => m.includes('sentinelField')), []);
  assert.match(stderr, /precompiled validators .* were built from other schemas/);
});
