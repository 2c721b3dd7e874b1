// The public core, bundled as dist/core.js for the unit tests.
export * from './finding';
export * from './codes';
export * from './settings';
export * from './service';
export * from './analyzeFile';
export * from './diagnostics';
export * from './suppressions';
export { createLineIndex } from './parse/lineIndex';
export { createLocator } from './parse/locator';
export { splitDocuments } from './parse/splitDocuments';
export { parseChunk } from './parse/parseDocument';
export { extractResources } from './parse/extractResources';
export { WorkspaceIndex } from './workspace/workspaceIndex';
export type { IndexedResource } from './workspace/workspaceIndex';
export { apiGroup } from './workspace/resourceIdentity';
export { RULES } from './rules/index';
export { runRules } from './rules/runRules';
export { documentSymbols, workspaceSymbols } from './features/documentSymbols';
