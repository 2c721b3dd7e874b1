// Schema findings for one resource document. Unknown kinds get none (CONTRACTS: no schema
// noise for what we do not know); a known kind in an apiVersion that does not serve it gets
// one finding at the apiVersion; otherwise ajv runs once and its errors become findings.
import type { Finding } from '../finding';
import type { JsonPath, Locator } from '../parse/locator';
import { collectIssues } from './collectIssues';
import { hidesValue } from './hiddenValues';
import { issueToFinding } from './issueToFinding';
import type { SchemaRegistry } from './registry';
import { createSpans } from './spans';
import type { ResourceInput } from './types';

function notServed(resource: ResourceInput, locator: Locator, registry: SchemaRegistry): Finding {
  const { apiVersion, kind } = resource;
  const served = registry.servedVersions(apiVersion, kind);
  const span = locator.value(['apiVersion']) ?? locator.value(['kind']) ?? { start: 0, end: 0 };
  const known = registry.entry(apiVersion, kind) !== undefined;
  const what = known ? `${kind} is no longer served in \`${apiVersion}\`.` : `${kind} is not served in \`${apiVersion}\`.`;
  const fix = served.length === 0
    ? ' No version of it is served.'
    : served.length === 1
      ? ` Use \`${served[0]}\`.`
      : ` Use \`${served[0]}\` (also served: ${served.slice(1).join(', ')}).`;
  const data = served.length ? { replaceWith: served[0], served } : { served };
  return { code: 'MM207', message: what + fix, start: span.start, end: span.end, data };
}

export function validateResource(resource: ResourceInput, locator: Locator, registry: SchemaRegistry): Finding[] {
  const { apiVersion, kind, value } = resource;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !registry.isKnownKind(apiVersion, kind)) return [];
  const entry = registry.entry(apiVersion, kind);
  if (!entry || !entry.served) return [notServed(resource, locator, registry)];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const compiled = registry.compiled(apiVersion, kind);
  if (!compiled || compiled.validate(value)) return [];
  const issues = collectIssues(compiled.validate.errors ?? [], value, compiled.schema);
  const ctx = {
    kind,
    root: value,
    spans: createSpans(locator, value),
    homes: compiled.fieldHomes,
    hidesValue: (path: JsonPath) => hidesValue(apiVersion, kind, path),
  };
  return issues
    .map((issue) => issueToFinding(issue, ctx))
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
