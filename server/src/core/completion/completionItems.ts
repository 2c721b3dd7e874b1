// Completion at a position: find what the cursor is typing (cursorContext.ts), then offer
// from the schema of the document's kind (keys not yet present, values, list entries), from
// the workspace (references to other resources), apiVersion/kind pairs, and snippets.
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { createLineIndex, type Position } from '../parse/lineIndex';
import type { JsonPath } from '../parse/locator';
import type { SnippetCompletion } from '../snippets/snippetCompletions';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { item, type ItemContext } from './completionEdits';
import type { CompletionSchemas } from './completionSchemas';
import { COMPLETION_MARKER, cursorContext } from './cursorContext';
import { apiVersionItems, kindValueItems, pairItems } from './kindItems';
import { valueAt } from './meshReferences';
import { referenceValues } from './referenceSites';
import { scalarText } from './scalarText';
import { isArrayShape, isObjectShape, itemShape, resolveShape, schemaAtPath, type SchemaShape } from './schemaAtPath';
import { keyItems, valueItems } from './schemaItems';
import { snippetItems } from './snippetItems';

export interface CompletionInput {
  readonly text: string;
  readonly position: Position;
  readonly schemas?: CompletionSchemas;
  /** The workspace, for references to other resources. */
  readonly index?: WorkspaceIndex;
  readonly snippets?: readonly SnippetCompletion[];
  /** Namespace of a resource without metadata.namespace (else the index's default). */
  readonly defaultNamespace?: string;
  /** At most this many items (the rest make the list incomplete). */
  readonly maxItems?: number;
}

const GENERIC_ROOT: SchemaShape = {
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object', properties: {} }, spec: { type: 'object', properties: {} } },
};

const isMarker = (v: unknown) => v === COMPLETION_MARKER;
const str = (v: unknown) => (typeof v === 'string' && !isMarker(v) ? v : undefined);

function groupOf(apiVersion: string | undefined): string {
  if (!apiVersion) return '';
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.label}\n${i.labelDetails?.description ?? ''}\n${i.kind}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

export function completionItems(input: CompletionInput): CompletionList {
  const lines = createLineIndex(input.text);
  const cursor = cursorContext(input.text, lines.offsetAt(input.position));
  if (!cursor) return { isIncomplete: false, items: [] };
  const ctx: ItemContext = { cursor, lines };
  const root = cursor.root;
  const apiVersion = str(valueAt(root, 'apiVersion'));
  const kind = str(valueAt(root, 'kind'));
  const schema = input.schemas?.schemaFor(apiVersion, kind);
  const rootShape = schema ?? GENERIC_ROOT;
  const shapeAt = (path: JsonPath) => (schema ? schemaAtPath(schema, path) : path.length === 0 ? GENERIC_ROOT : undefined);
  const resolve = (s: SchemaShape | undefined) => (schema ? resolveShape(schema as SchemaShape, s) : s);
  const kinds = input.schemas?.kinds() ?? [];
  const namespace = str(valueAt(root, 'metadata', 'namespace')) ?? input.defaultNamespace ?? input.index?.defaultNamespace ?? 'default';

  /** Values for the value at `path`: schema values, then workspace references. */
  const valuesAt = (path: JsonPath, prefix = ''): CompletionItem[] => {
    if (path.length === 1 && path[0] === 'kind') return kindValueItems(ctx, kinds);
    if (path.length === 1 && path[0] === 'apiVersion') return apiVersionItems(ctx, kinds, kind);
    const items = valueItems(ctx, shapeAt(path), prefix);
    if (input.index && kind) {
      const holder = valueAt(root, ...path.slice(0, -1));
      for (const ref of referenceValues(groupOf(apiVersion), kind, path, { index: input.index, namespace, root, holder })) {
        items.push(item(ctx, ref.value, CompletionItemKind.Reference, prefix + scalarText(ref.value, cursor.flow), { detail: ref.detail, filterText: prefix ? ref.value : undefined, rank: 0 }));
      }
    }
    return items;
  };

  /** New entries of the list at `path` (`- value` or `- key: …`). */
  const listEntries = (path: JsonPath, shape: SchemaShape | undefined): CompletionItem[] => {
    const items = schema ? itemShape(schema, shape) : undefined;
    if (isObjectShape(items)) return keyItems(ctx, items, [], { column: cursor.column + 2, prefix: '- ', resolve });
    return valuesAt([...path, 0], '- ');
  };

  let items: CompletionItem[] = [];
  const path = cursor.path;
  if (cursor.position === 'key') {
    const shape = shapeAt(path);
    if (cursor.loneItemKey && !cursor.keyHasColon && !isObjectShape(shape) && shape !== undefined) {
      items = valuesAt(path);
    } else if (isArrayShape(shape) && !cursor.flow) {
      items = listEntries(path, shape);
    } else {
      const atRoot = path.length === 0;
      items = keyItems(ctx, atRoot ? rootShape : shape, cursor.presentKeys, { skip: atRoot ? ['status'] : [], resolve });
      if (atRoot && !cursor.flow && cursor.column === 0 && !apiVersion && !kind) {
        items.push(...pairItems(ctx, kinds, cursor.presentKeys), ...snippetItems(ctx, input.snippets ?? []));
      }
    }
  } else {
    const shape = shapeAt(path);
    if (cursor.typed === 'key' && isObjectShape(shape)) items = keyItems(ctx, shape, [], { resolve });
    else if (cursor.typed === 'key' && isArrayShape(shape)) items = listEntries(path, shape);
    else items = valuesAt(path);
  }
  items = dedupe(items);
  const max = input.maxItems ?? 1000;
  return { isIncomplete: items.length > max, items: items.slice(0, max) };
}
