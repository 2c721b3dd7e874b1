// Completion: schema keys and values, apiVersion/kind pairs, workspace references, snippets.
export { completionItems, type CompletionInput } from './completionItems';
export { completionSchemasFromRegistry, completionSchemasFromSource, type CompletionSchemas, type KnownKind } from './completionSchemas';
