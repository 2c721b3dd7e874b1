// IST0171 on a resource whose `status` (as exported from a cluster) carries a negative
// condition: status False, or a PartiallyInvalid reason. Checked on Services,
// ServiceEntries, AuthorizationPolicies and Gateway API Gateways, HTTPRoutes and
// GRPCRoutes (route conditions sit under `status.parents[]`). Conditions of other tools
// (types with a non-Istio domain prefix, e.g. Argo CD's) are ignored.
import type { Finding } from '../finding';
import type { JsonPath } from '../parse/locator';
import type { IndexedResource } from '../workspace/workspaceIndex';
import { GATEWAY_API } from './gatewayReferences';
import { findingAt, NETWORKING, SECURITY, type IstioRule } from './istioRule';
import { list, record, text } from './plainValue';

const KINDS = new Set([`/Service`, `${NETWORKING}/ServiceEntry`, `${SECURITY}/AuthorizationPolicy`, `${GATEWAY_API}/Gateway`, `${GATEWAY_API}/HTTPRoute`, `${GATEWAY_API}/GRPCRoute`]);

function ownCondition(type: string): boolean {
  const slash = type.indexOf('/');
  return slash === -1 || type.slice(0, slash).endsWith('istio.io');
}

function conditionLists(entry: IndexedResource): { path: JsonPath; conditions: readonly unknown[] }[] {
  const status = record(entry.resource.value.status);
  if (!status) return [];
  const out = [{ path: ['status', 'conditions'] as JsonPath, conditions: list(status.conditions) }];
  list(status.parents).forEach((p, i) => out.push({ path: ['status', 'parents', i, 'conditions'], conditions: list(record(p)?.conditions) }));
  return out;
}

export const negativeCondition: IstioRule = {
  code: 'IST0171',
  defaultSeverity: 'warning',
  analyzers: ['conditions.ConditionAnalyzer'],
  appliesTo: (r) => KINDS.has(`${r.group}/${r.resource.kind}`),
  check(ctx) {
    const findings: Finding[] = [];
    for (const { path, conditions } of conditionLists(ctx.resource)) {
      conditions.forEach((raw, i) => {
        const c = record(raw);
        const type = text(c?.type);
        if (!c || !ownCondition(type)) return;
        if (text(c.status) !== 'False' && text(c.reason) !== 'PartiallyInvalid') return;
        findings.push(findingAt(ctx, 'IST0171', [...path, i, 'status'], `Condition ${type} is ${text(c.status)}${text(c.reason) ? ` (${text(c.reason)})` : ''}: ${text(c.message) || 'no message'}. Fix what it reports; the resource is not fully in effect.`, 'value'));
      });
    }
    return findings;
  },
};
