// What the user sees: a warning on `apiVersion` when the resource uses a deprecated or
// removed API version, naming the replacement, with a quick fix (data.replaceApiVersion)
// when the replacement accepts the same fields.
import { apiVersionChange } from '../apiVersions/deprecatedApiVersions';
import type { Finding } from '../finding';
import type { Rule } from './rule';

export const apiVersionDeprecated: Rule = {
  code: 'MM300',
  defaultSeverity: 'warning',
  appliesTo: (r) => apiVersionChange(r.resource.apiVersion, r.resource.kind) !== undefined,
  check({ resource, locator }) {
    const { apiVersion, kind } = resource.resource;
    const change = apiVersionChange(apiVersion, kind);
    const span = locator.value(['apiVersion']);
    if (!change || !span) return [];
    const status = change.removedIn ? `was removed in Kubernetes ${change.removedIn}; clusters of that release or later reject it` : 'is deprecated';
    const finding: Finding = {
      code: 'MM300',
      message: `${kind} ${apiVersion} ${status}. Use ${change.replacement}${change.sameSchema ? ' (the fields are the same)' : ' and check the fields that changed'}.`,
      ...span,
      ...(change.sameSchema ? { data: { replaceApiVersion: change.replacement } } : {}),
    };
    return [finding];
  },
};
