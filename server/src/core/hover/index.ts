// Hover: our own field docs, schema facts, reference previews and annotation cost lines.
export { meshHover, type HoverContext, type CostLine } from './hover';
export { fieldHoverMarkdown, kindHoverMarkdown, NO_DESCRIPTION } from './fieldHover';
export { findFieldDoc, fieldDocEntries, FIELD_DOC_TABLES } from './fieldDocs/index';
export { ANNOTATION_DOCS } from './fieldDocs/annotations';
export { referenceUrl } from './referenceUrls';
export { cursorTarget, type CursorTarget } from './cursorTarget';
