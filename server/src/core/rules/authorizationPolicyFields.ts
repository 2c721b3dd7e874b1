// Walks an AuthorizationPolicy's rules the way Istio reads them (`rules[].from[].source`,
// `rules[].to[].operation`, `rules[].when[]`), yielding each part with its path so rules
// can point at the exact key or value. Tolerates any shape: schema errors are reported
// elsewhere.
import type { JsonPath } from '../parse/locator';
import { list, record, spec, text, type Plain } from './plainValue';

export interface PolicyPart {
  readonly path: JsonPath;
  readonly value: Plain;
}

/** `spec.action`, with Istio's default ALLOW when it is left out. */
export function policyAction(value: Plain): string {
  return text(spec(value).action) || 'ALLOW';
}

function parts(value: Plain, listKey: 'from' | 'to', itemKey: 'source' | 'operation'): PolicyPart[] {
  const out: PolicyPart[] = [];
  list(spec(value).rules).forEach((rule, r) => {
    list(record(rule)?.[listKey]).forEach((item, i) => {
      const inner = record(record(item)?.[itemKey]);
      if (inner) out.push({ path: ['spec', 'rules', r, listKey, i, itemKey], value: inner });
    });
  });
  return out;
}

export function sources(value: Plain): PolicyPart[] {
  return parts(value, 'from', 'source');
}

export function operations(value: Plain): PolicyPart[] {
  return parts(value, 'to', 'operation');
}

export function conditions(value: Plain): PolicyPart[] {
  const out: PolicyPart[] = [];
  list(spec(value).rules).forEach((rule, r) => {
    list(record(rule)?.when).forEach((item, i) => {
      const when = record(item);
      if (when) out.push({ path: ['spec', 'rules', r, 'when', i], value: when });
    });
  });
  return out;
}

/** Each string of `part.value[key]` with its path (non-strings are the schema's business). */
export function stringItems(part: PolicyPart, key: string): { path: JsonPath; value: string }[] {
  const out: { path: JsonPath; value: string }[] = [];
  list(part.value[key]).forEach((v, i) => {
    if (typeof v === 'string' || typeof v === 'number') out.push({ path: [...part.path, key, i], value: String(v) });
  });
  return out;
}
