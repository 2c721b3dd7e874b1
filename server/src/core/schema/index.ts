// Schema validation of mesh resources: a registry of generated JSON Schemas (schemas/) and
// the check that turns ajv's verdict into findings at exact ranges.
export type { ResourceInput, SchemaIndexEntry, SchemaSource, Validator } from './types';
export { createSchemaRegistry, type CompiledSchema, type SchemaRegistry } from './registry';
export { validateResource } from './validateResource';
export { closestName, editDistance } from './editDistance';
export { isGoDuration, parseGoDuration, suggestGoDuration } from './goDuration';
