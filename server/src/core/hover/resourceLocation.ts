// Where a resource (or a part of it) is, as a clickable `file.yaml:12` link for previews.
import type { JsonPath } from '../parse/locator';
import { createLocator } from '../parse/locator';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** `[name.yaml:12](uri#L12)`; without a line when the index has no line table for the file. */
export function locationLink(index: WorkspaceIndex, entry: IndexedResource, path: JsonPath = []): string {
  const span = createLocator(entry.resource.node, entry.base).key(path);
  const offset = span?.start ?? entry.base + (entry.resource.node.range?.[0] ?? 0);
  const line = index.lineIndex(entry.uri)?.positionAt(offset).line;
  const name = fileName(entry.uri);
  return line === undefined ? `[${name}](${entry.uri})` : `[${name}:${line + 1}](${entry.uri}#L${line + 1})`;
}

/** `kind name` with its namespace: `DestinationRule reviews (namespace default)`. */
export function resourceTitle(entry: IndexedResource): string {
  const ns = entry.namespace ? ` in namespace \`${entry.namespace}\`` : '';
  return `${entry.resource.kind} \`${entry.resource.name ?? '(unnamed)'}\`${ns}`;
}
