// Precompiles the validators of the shipped schemas (schemas/index.json) into dist/validators,
// so a first validation loads a validator instead of spending ajv's compile time on it.
// esbuild.mjs runs this after bundling (so `npm install` → prepare → build makes them);
// `node scripts/buildValidators.mjs` runs it alone.
//
// Each validator is ajv's standalone code of the schema (server/src/core/schema/
// precompileValidator.ts: the registry's ajv options and keywords), bundled by esbuild with
// the helpers it requires into one self-contained CommonJS module. Files whose schemas have the
// same shape (versions that differ only in apiVersion) share one module.
// dist/validators/index.json maps each schema file to its module and the sha256 of the schema
// file it was made from; the server uses a module only while that still matches
// (server/src/schemaFiles.ts). A rebuild with the same generator bundle (ajv, keywords,
// formats) and the same schema files keeps what is there; any change regenerates them all.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATOR_ENTRY = join(ROOT, 'server/src/core/schema/precompileValidator.ts');
const RUNTIME_ENTRY = join(ROOT, 'server/src/core/schema/validatorRuntime.ts');
const MANIFEST = 'index.json';
const MANIFEST_VERSION = 1;

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** The generator bundle (ajv + our keywords and formats), loaded; its hash keys the cache. */
async function loadGenerator() {
  const result = await esbuild.build({
    entryPoints: [GENERATOR_ENTRY],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const dir = mkdtempSync(join(tmpdir(), 'mumbai-mesh-validators-'));
  try {
    const file = join(dir, 'precompileValidator.cjs');
    writeFileSync(file, code);
    // VALIDATOR_RUNTIME: the name the generated code requires validatorRuntime.ts by
    const { precompileValidator, VALIDATOR_RUNTIME } = createRequire(file)(file);
    // this script's own text too: its esbuild options shape the modules
    const script = readFileSync(fileURLToPath(import.meta.url), 'utf8');
    return { precompileValidator, runtimeModule: VALIDATOR_RUNTIME, hash: sha256(`${MANIFEST_VERSION}\n${script}\n${code}`) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readManifest(outdir) {
  try {
    const manifest = JSON.parse(readFileSync(join(outdir, MANIFEST), 'utf8'));
    return manifest && typeof manifest.validators === 'object' ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves the generated sources (virtual, by schema file) and the runtime name they require. */
function generatedSourcesPlugin(sources, runtimeModule) {
  return {
    name: 'mumbai-mesh-validators',
    setup(build) {
      build.onResolve({ filter: /^mm-validator:/ }, (args) => ({ path: args.path.slice('mm-validator:'.length), namespace: 'mm-validator' }));
      build.onResolve({ filter: new RegExp(`^${runtimeModule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }, () => ({ path: RUNTIME_ENTRY }));
      build.onLoad({ filter: /.*/, namespace: 'mm-validator' }, (args) => ({ contents: sources.get(args.path), loader: 'js', resolveDir: ROOT }));
    },
  };
}

const moduleOf = (schemaFile) => schemaFile.replace(/\.json$/, '.js');

/** Removes files under `dir` that the manifest does not name (schemas since removed or renamed). */
function prune(dir, keep) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      prune(full, keep);
      if (readdirSync(full).length === 0) rmSync(full, { recursive: true });
    } else if (!keep.has(full)) {
      rmSync(full);
    }
  }
}

export async function buildValidators({ schemasDir = join(ROOT, 'schemas'), outdir = join(ROOT, 'dist/validators'), log = () => {} } = {}) {
  const started = Date.now();
  const indexFile = join(schemasDir, 'index.json');
  if (!existsSync(indexFile)) {
    log(`buildValidators: no ${indexFile}; nothing to precompile`);
    return { generated: 0, modules: 0 };
  }
  const files = [...new Set(JSON.parse(readFileSync(indexFile, 'utf8')).map((e) => e.file))];
  const generator = await loadGenerator();

  const inputs = files.map((file) => {
    const text = readFileSync(join(schemasDir, file), 'utf8');
    return { file, text, sha256: sha256(text) };
  });
  const previous = readManifest(outdir);
  const upToDate = previous?.generator === generator.hash
    && Object.keys(previous.validators).length === inputs.length
    && inputs.every(({ file, sha256: hash }) => previous.validators[file]?.sha256 === hash && existsSync(join(outdir, previous.validators[file].module)));
  if (upToDate) {
    log(`buildValidators: ${relative(ROOT, outdir)} is up to date`);
    return { generated: 0, modules: new Set(Object.values(previous.validators).map((v) => v.module)).size };
  }

  const validators = {};
  const moduleByShape = new Map();
  const sources = new Map();
  for (const { file, text, sha256: hash } of inputs) {
    const { shape, code } = generator.precompileValidator(JSON.parse(text));
    let module = moduleByShape.get(shape);
    if (!module) {
      module = moduleOf(file);
      moduleByShape.set(shape, module);
      sources.set(module, code);
    }
    validators[file] = { module, sha256: hash };
  }

  mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    entryPoints: [...sources.keys()].map((module) => ({ in: `mm-validator:${module}`, out: module.replace(/\.js$/, '') })),
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // always: generated code is not read by people, and minified it loads faster and ships smaller
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [generatedSourcesPlugin(sources, generator.runtimeModule)],
  });
  const manifest = { version: MANIFEST_VERSION, generator: generator.hash, validators };
  writeFileSync(join(outdir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  prune(outdir, new Set([join(outdir, MANIFEST), ...Object.values(validators).map((v) => join(outdir, v.module))]));
  const modules = new Set(Object.values(validators).map((v) => v.module)).size;
  log(`buildValidators: ${files.length} schemas → ${modules} validators in ${relative(ROOT, outdir)} (${sources.size} generated) in ${Date.now() - started} ms`);
  return { generated: sources.size, modules };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildValidators({ log: (m) => process.stdout.write(`${m}\n`) });
}
