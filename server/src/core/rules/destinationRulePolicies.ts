// Every traffic policy of a DestinationRule with its path: the top-level one, its
// per-port settings, and the same inside each subset (where a subset's policy overrides
// the top level for that subset's workloads). Port-level settings carry the fields
// loadBalancer, connectionPool, outlierDetection and tls like a full policy.
import type { JsonPath } from '../parse/locator';
import { list, record, spec, stringMap, text, type Plain } from './plainValue';

export interface TrafficPolicyAt {
  readonly path: JsonPath;
  readonly policy: Plain;
  /** The subset's name and labels, for policies inside a subset. */
  readonly subset?: { readonly name: string; readonly labels: Readonly<Record<string, string>> };
  /** `port.number` of a port-level setting. */
  readonly port?: number;
}

function withPorts(path: JsonPath, policy: Plain, subset: TrafficPolicyAt['subset'], out: TrafficPolicyAt[]): void {
  out.push({ path, policy, subset });
  list(policy.portLevelSettings).forEach((p, i) => {
    const r = record(p);
    if (!r) return;
    const number = Number(record(r.port)?.number);
    out.push({ path: [...path, 'portLevelSettings', i], policy: r, subset, port: Number.isInteger(number) ? number : undefined });
  });
}

export function trafficPolicies(value: Plain): TrafficPolicyAt[] {
  const s = spec(value);
  const out: TrafficPolicyAt[] = [];
  const top = record(s.trafficPolicy);
  if (top) withPorts(['spec', 'trafficPolicy'], top, undefined, out);
  list(s.subsets).forEach((sub, i) => {
    const r = record(sub);
    const policy = record(r?.trafficPolicy);
    if (r && policy) withPorts(['spec', 'subsets', i, 'trafficPolicy'], policy, { name: text(r.name), labels: stringMap(r.labels) }, out);
  });
  return out;
}
