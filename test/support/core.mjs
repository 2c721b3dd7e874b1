// The bundled core (dist/core.js, built by `npm test` before the tests run) and a one-call
// way to get a file's diagnostics from it, as the server and the CLI would produce them.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const corePath = fileURLToPath(new URL('../../dist/core.js', import.meta.url));
if (!existsSync(corePath)) throw new Error(`${corePath} is missing: run \`npm run build\` first (npm test does).`);

/** @type {any} */
export const core = require(corePath);

/**
 * Schema validation as the server runs it: the schemas in schemas/ through the core's
 * registry (the server's schemaFiles.ts does the same from next to dist/). A no-op while the
 * core does not export the schema layer.
 */
export function loadValidateResource() {
  if (typeof core.createSchemaRegistry !== 'function' || typeof core.validateResource !== 'function') return () => [];
  const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
  const registry = core.createSchemaRegistry({
    loadIndex: () => readJson(join(ROOT, 'schemas', 'index.json')),
    loadSchema: (file) => readJson(join(ROOT, 'schemas', file)),
  });
  return (resource, locator) => core.validateResource(resource, locator, registry);
}

const validateResource = loadValidateResource();
export const service = core.createMeshService({ validateResource });

/** Settings as a client would send the `mumbaiMesh` section, normalised as the server does. */
export function settingsFrom(raw) {
  return core.normaliseSettings(raw).settings;
}

/**
 * Diagnostics for one file, with the workspace index holding just that file (so
 * cross-resource rules run as they would in an editor with only this file open).
 */
export function diagnose(text, rawSettings = {}, uri = 'file:///work/test.yaml') {
  const settings = settingsFrom(rawSettings);
  const file = service.analyze(text, settings);
  if (typeof core.WorkspaceIndex === 'function') {
    const index = new core.WorkspaceIndex(settings.defaultNamespace);
    index.setFile(uri, file);
    return service.diagnostics(file, settings, { uri, index });
  }
  return service.diagnostics(file, settings);
}
