// MM402 on an AuthorizationPolicy principal that can never match a caller: Istio compares
// `principals`, `notPrincipals` and `source.principal` values with the peer's SPIFFE
// identity `<trust-domain>/ns/<namespace>/sa/<service-account>` (pilot/pkg/security/
// authz/model: srcPrincipalGenerator adds `spiffe://` itself), allowing only `*` alone or
// at the start or end. So `spiffe://…`, a missing trust domain, `namespace/sa` or a bare
// account name, and a `*` in the middle (matched literally) are silent dead entries.
// Where the intended value is clear, it is in `data.replaceWith`.
import type { Finding } from '../finding';
import type { JsonPath } from '../parse/locator';
import { conditions, sources, stringItems } from './authorizationPolicyFields';
import { literalStar } from './authorizationWildcard';
import { findingAt, ofKind, SECURITY } from './istioRule';
import type { Rule, RuleContext } from './rule';

const FULL = /^[^/*]+\/ns\/[^/*]+\/sa\/[^/*]+$/;
const DEFAULT_TRUST_DOMAIN = 'cluster.local';

interface Problem {
  readonly message: string;
  readonly replaceWith?: string;
}

export function principalProblem(value: string, policyNamespace: string): Problem | undefined {
  if (value === '' || value === '*') return undefined;
  if (value.startsWith('spiffe://')) {
    const rest = value.slice('spiffe://'.length);
    return { message: `Principals are written without \`spiffe://\` (Istio adds it), so \`${value}\` never matches. Write \`${rest}\`.`, replaceWith: rest };
  }
  if (literalStar(value)) {
    return { message: `\`*\` only works once, at the start or the end of a principal; here it is matched literally, so \`${value}\` never matches. Use \`namespaces\` for "any account in a namespace", or a prefix/suffix such as \`*/sa/${value.split('/').pop()?.replace(/\*/g, '') || 'name'}\`.` };
  }
  if (value.startsWith('*') || value.endsWith('*')) return undefined;
  if (FULL.test(value)) return undefined;
  const parts = value.split('/');
  if (parts.length === 4 && parts[0] === 'ns' && parts[2] === 'sa') {
    const fixed = `${DEFAULT_TRUST_DOMAIN}/${value}`;
    return { message: `The principal lacks its trust domain, so \`${value}\` never matches. Write \`${fixed}\` (or your mesh's trust domain).`, replaceWith: fixed };
  }
  if (parts.length === 2 && parts[0] && parts[1]) {
    const fixed = `${DEFAULT_TRUST_DOMAIN}/ns/${parts[0]}/sa/${parts[1]}`;
    return { message: `\`${value}\` looks like namespace/service-account, but principals need the full identity: write \`${fixed}\` (or list it under \`serviceAccounts\`).`, replaceWith: fixed };
  }
  if (parts.length === 1) {
    const fixed = `${DEFAULT_TRUST_DOMAIN}/ns/${policyNamespace || 'default'}/sa/${value}`;
    return { message: `\`${value}\` alone never matches: a principal is \`<trust-domain>/ns/<namespace>/sa/<service-account>\`. If it is a service account in \`${policyNamespace || 'default'}\`, write \`${fixed}\`.`, replaceWith: fixed };
  }
  return { message: `\`${value}\` is not of the form \`<trust-domain>/ns/<namespace>/sa/<service-account>\`, so it never matches a caller. Example: \`${DEFAULT_TRUST_DOMAIN}/ns/shop/sa/frontend\`.` };
}

function report(ctx: RuleContext, path: JsonPath, value: string, out: Finding[]): void {
  const problem = principalProblem(value, ctx.resource.namespace);
  if (!problem) return;
  const finding = findingAt(ctx, 'MM402', path, problem.message, 'value');
  out.push(problem.replaceWith ? { ...finding, data: { replaceWith: problem.replaceWith } } : finding);
}

export const authorizationPolicyPrincipalForm: Rule = {
  code: 'MM402',
  defaultSeverity: 'warning',
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx) {
    const findings: Finding[] = [];
    const value = ctx.resource.resource.value;
    for (const source of sources(value)) {
      for (const key of ['principals', 'notPrincipals']) {
        for (const item of stringItems(source, key)) report(ctx, item.path, item.value, findings);
      }
    }
    for (const when of conditions(value)) {
      if (when.value.key !== 'source.principal') continue;
      for (const key of ['values', 'notValues']) {
        for (const item of stringItems(when, key)) report(ctx, item.path, item.value, findings);
      }
    }
    return findings;
  },
};
