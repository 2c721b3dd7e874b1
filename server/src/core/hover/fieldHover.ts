// The hover for a field (or the kind itself): our own description when we wrote one, the
// schema's structural facts always, and the upstream reference page for the kind. Fields we
// have not described yet say so plainly instead of guessing.
import type { Resource } from '../parse/extractResources';
import type { JsonPath } from '../parse/locator';
import { formatPath } from '../schema/pathText';
import type { SchemaRegistry } from '../schema/registry';
import type { SchemaNode } from '../schema/schemaWalk';
import { apiGroup } from '../workspace/resourceIdentity';
import type { FieldDoc } from './fieldDocs/fieldDoc';
import { findFieldDoc } from './fieldDocs/index';
import { OBJECT_META_URL, referenceUrl } from './referenceUrls';
import { fieldFacts, type FieldFacts } from './schemaFacts';
import { plainDocPath, schemaField } from './schemaField';

export const NO_DESCRIPTION = '_No description written for this field yet._ What the schema says about it:';

/** The kind's schema: this apiVersion's, else the first served version of the same group. */
export function schemaFor(registry: SchemaRegistry | undefined, apiVersion: string, kind: string): SchemaNode | undefined {
  if (!registry) return undefined;
  try {
    const compiled = registry.compiled(apiVersion, kind);
    if (compiled) return compiled.schema as SchemaNode;
    const served = registry.servedVersions(apiVersion, kind)[0];
    return served ? (registry.compiled(served, kind)?.schema as SchemaNode | undefined) : undefined;
  } catch {
    // a schema that does not compile gives no facts; the hover still has our docs
    return undefined;
  }
}

function factLines(facts: FieldFacts | undefined, doc: FieldDoc | undefined): string[] {
  const lines: string[] = [];
  const type = facts?.type ?? doc?.type;
  if (type) lines.push(`- **Type:** ${type}${facts && facts.constraints.length > 0 ? ` — ${facts.constraints.join('; ')}` : ''}`);
  const values = facts?.values ?? doc?.values?.map((v) => (v.startsWith('`') || v.startsWith('"') ? v : `\`${v}\``));
  if (values && values.length > 0) lines.push(`- **Allowed values:** ${values.join(', ')}`);
  const fallback = facts?.default ?? doc?.default;
  if (fallback) lines.push(`- **Default:** ${fallback}`);
  if (facts?.required !== undefined) lines.push(`- **Required:** ${facts.required ? 'yes' : 'no'}`);
  if (facts?.fields) lines.push(`- **Fields:** ${facts.fields.map((f) => (f === '…' ? f : `\`${f}\``)).join(', ')}`);
  return lines;
}

function kindLabel(resource: Resource): string {
  return `${resource.kind} (${resource.apiVersion})`;
}

function link(group: string, kind: string, docKey: string | undefined): string | undefined {
  const url = docKey?.startsWith('Object:metadata') ? OBJECT_META_URL : referenceUrl(group, kind);
  return url ? `[${docKey?.startsWith('Object:metadata') ? 'Kubernetes object metadata' : kind} reference](${url})` : undefined;
}

/** Hover text for the kind itself (on the `kind` value). */
export function kindHoverMarkdown(resource: Resource): string | undefined {
  const group = apiGroup(resource.apiVersion);
  const found = findFieldDoc(group, resource.kind, '');
  const url = referenceUrl(group, resource.kind);
  if (!found && !url) return undefined;
  const parts = [`**${kindLabel(resource)}**`, found ? found.doc.text : '_No description written for this kind yet._'];
  const ref = link(group, resource.kind, undefined);
  if (ref) parts.push(ref);
  return parts.join('\n\n');
}

/** Hover text for the field at `path` (keys and indexes from the resource's top). */
export function fieldHoverMarkdown(resource: Resource, path: JsonPath, registry?: SchemaRegistry): string | undefined {
  if (path.length === 0) return kindHoverMarkdown(resource);
  const group = apiGroup(resource.apiVersion);
  const root = schemaFor(registry, resource.apiVersion, resource.kind);
  const field = schemaField(root, path);
  const found = findFieldDoc(group, resource.kind, field.docPath, plainDocPath(path));
  const url = referenceUrl(group, resource.kind);
  // a field the schema does not know and we never described (a typo): the diagnostic speaks
  if (!found && !field.known && !(url && !root)) return undefined;
  const last = path[path.length - 1];
  const facts = field.known && root && field.node ? fieldFacts(root, field.node, field.holder, typeof last === 'string' ? last : undefined) : undefined;
  const parts = [`**\`${formatPath(path)}\`** · ${kindLabel(resource)}`];
  if (found) parts.push(found.doc.text);
  else if (facts) parts.push(NO_DESCRIPTION);
  else parts.push('_No description written for this field yet, and no schema for this kind is bundled._');
  const lines = factLines(facts, found?.doc);
  if (lines.length > 0) parts.push(lines.join('\n'));
  const ref = link(group, resource.kind, found?.key);
  if (ref) parts.push(ref);
  return parts.join('\n\n');
}
