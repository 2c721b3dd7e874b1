// Bundles the entry points; `vscode` stays external (the editor provides it). Then
// precompiles the shipped schemas' validators into dist/validators (scripts/buildValidators.mjs),
// which the server and CLI load instead of compiling schemas on a first validation.
// --watch rebuilds the bundles on change (the validators once, at start: after changing
// schemas/ or the schema keywords, run the build again); --production minifies.
// Type checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { buildValidators } from './scripts/buildValidators.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // yaml's ES module build (the same code as its CommonJS one, which logs through
  // process.emitWarning instead of console.warn): bundled as ES modules, its functions and
  // classes are called directly, not through the property getters esbuild puts in front of
  // a CommonJS module's exports; the parser calls them once per node.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/core/index.ts'], outfile: 'dist/core.js' },
  { entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  await buildValidators();
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  await buildValidators();
}
