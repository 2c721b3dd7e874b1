// The `when.key` attributes an Istio AuthorizationPolicy accepts, and the form their
// values take, as istio/istio pkg/config/security (ValidateAttribute) defines them, with
// `source.serviceAccount` and `source.trustDomain` from newer releases. Map attributes
// (`request.headers[name]`, `request.auth.claims[a][b]`, `experimental.envoy.filters.…[key]`)
// need a non-empty name in brackets.
import { closestName } from '../schema/editDistance';

export type AttributeType = 'ip' | 'port' | 'principal' | 'text';

const PLAIN: ReadonlyMap<string, AttributeType> = new Map([
  ['source.ip', 'ip'],
  ['remote.ip', 'ip'],
  ['destination.ip', 'ip'],
  ['destination.port', 'port'],
  ['source.namespace', 'text'],
  ['source.principal', 'principal'],
  ['source.serviceAccount', 'text'],
  ['source.trustDomain', 'text'],
  ['request.auth.principal', 'text'],
  ['request.auth.audiences', 'text'],
  ['request.auth.presenter', 'text'],
  ['connection.sni', 'text'],
]);

/** Attributes written `prefix[name]`. */
const MAPPED: readonly string[] = ['request.headers', 'request.auth.claims'];
const EXPERIMENTAL = 'experimental.envoy.filters.';

/** Request properties people write as conditions that Istio matches under `to.operation`. */
const OPERATION_FIELDS: ReadonlyMap<string, string> = new Map([
  ['request.method', 'methods'],
  ['request.path', 'paths'],
  ['request.url_path', 'paths'],
  ['request.host', 'hosts'],
  ['destination.host', 'hosts'],
]);

export interface AttributeCheck {
  /** Undefined when Istio accepts the key. */
  readonly problem?: string;
  /** A key Istio would accept that the user probably meant. */
  readonly suggestion?: string;
  readonly type: AttributeType;
}

/** Go's validateMapKey: ends with `]`, with a `[` after the first character and a name inside. */
function wellFormedMapKey(key: string): boolean {
  const open = key.indexOf('[');
  return key.endsWith(']') && open > 0 && open < key.length - 2;
}

export function checkAttribute(key: string): AttributeCheck {
  const plain = PLAIN.get(key);
  if (plain) return { type: plain };
  for (const prefix of [...MAPPED, EXPERIMENTAL]) {
    if (!key.startsWith(prefix)) continue;
    if (wellFormedMapKey(key)) return { type: 'text' };
    const example = prefix === EXPERIMENTAL ? `${EXPERIMENTAL}<filter>[<key>]` : `${prefix}[<name>]`;
    return { type: 'text', problem: `\`${key}\` needs a name in brackets: write it as \`${example}\`.` };
  }
  if (key === '') return { type: 'text', problem: 'The condition has an empty `key`; Istio rejects the policy. Name an attribute such as `source.ip` or `request.headers[x-user]`.' };
  if (key === 'destination.namespace') return { type: 'text', problem: 'Istio rejects `destination.namespace`: a policy already applies only to its own namespace (`metadata.namespace`). Remove the condition, or move the policy to the namespace you mean.' };
  if (key.startsWith('destination.labels')) return { type: 'text', problem: `Istio rejects \`${key}\`: choose the workloads with \`spec.selector.matchLabels\` instead of a condition.` };
  if (key === 'destination.name' || key === 'destination.user') return { type: 'text', problem: `Istio rejects \`${key}\` (it existed only in the old v1alpha1 RBAC API). Pick the workload with \`spec.selector.matchLabels\`.` };
  if (key.startsWith('source.labels')) return { type: 'text', problem: `Istio cannot match on the caller's labels, so it rejects \`${key}\`. Identify callers by their identity instead: \`source.principal\` / \`from.source.principals\` (service account) or \`source.namespace\`.` };
  const operationField = OPERATION_FIELDS.get(key);
  if (operationField) return { type: 'text', problem: `\`${key}\` is not a condition attribute, so Istio rejects the policy. Match it with \`to.operation.${operationField}\` in the rule instead.` };
  const bracket = key.indexOf('[');
  const base = bracket > 0 ? key.slice(0, bracket) : key;
  const rest = bracket > 0 ? key.slice(bracket) : '';
  const candidates = bracket > 0 ? MAPPED : [...PLAIN.keys()];
  const guess = closestName(base, candidates);
  const suggestion = guess ? guess + rest : undefined;
  return {
    type: 'text',
    suggestion,
    problem: `Istio does not know the attribute \`${key}\` and rejects the policy.${suggestion ? ` Did you mean \`${suggestion}\`?` : ' See the attributes Istio supports in its "Authorization Policy Conditions" reference.'}`,
  };
}
