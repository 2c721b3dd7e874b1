// IST0101 on an AuthorizationPolicy source `namespaces`/`notNamespaces` entry that
// matches no namespace: no Namespace object and no resource in the workspace lives in a
// namespace of that name (`*` patterns at either end are honoured). A typo here silently
// allows or denies nothing.
import type { Finding } from '../finding';
import { derivedData } from '../workspace/derivedIndex';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { findingAt, ofKind, SECURITY, type IstioRule } from './istioRule';
import { list, record, spec, strings } from './plainValue';

function knownNamespaces(index: WorkspaceIndex): readonly string[] {
  return derivedData(index, 'knownNamespaces', (ix) => {
    const names = new Set<string>();
    for (const ns of ix.ofKind('Namespace', '')) if (ns.resource.name) names.add(ns.resource.name);
    for (const ns of ix.namespacesInUse()) names.add(ns);
    return [...names];
  });
}

function namespaceMatches(ns: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return ns.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return ns.startsWith(pattern.slice(0, -1));
  return ns.toLowerCase() === pattern.toLowerCase();
}

export const authorizationPolicyNamespaceExists: IstioRule = {
  code: 'IST0101',
  defaultSeverity: 'error',
  analyzers: ['auth.AuthorizationPoliciesAnalyzer'],
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx) {
    const known = knownNamespaces(ctx.index);
    const findings: Finding[] = [];
    list(spec(ctx.resource.resource.value).rules).forEach((rule, i) => {
      list(record(rule)?.from).forEach((from, j) => {
        const source = record(record(from)?.source);
        for (const field of ['namespaces', 'notNamespaces'] as const) {
          strings(source?.[field]).forEach((pattern, k) => {
            if (known.some((ns) => namespaceMatches(ns, pattern))) return;
            findings.push(findingAt(ctx, 'IST0101', ['spec', 'rules', i, 'from', j, 'source', field, k], `No namespace matches \`${pattern}\` (no Namespace object or resource in the workspace uses it), so this condition never matches a request. Fix the namespace name or pattern.`, 'value'));
          });
        }
      });
    });
    return findings;
  },
};
