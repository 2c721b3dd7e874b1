// MM401 on an AuthorizationPolicy value Istio rejects for its attribute: a `when`
// condition with neither `values` nor `notValues`, an empty string, an IP attribute
// (`source.ip`, `remote.ip`, `destination.ip`, and the `ipBlocks` family of a source)
// that is not an address or CIDR range, or a `destination.port` outside 0..65535. Same
// checks as istio/istio pkg/config/security ValidateAttribute / ValidateIPs /
// ValidatePorts, run by the admission webhook.
import type { Finding } from '../finding';
import { checkAttribute } from './authorizationAttributes';
import { conditions, sources, stringItems } from './authorizationPolicyFields';
import { isIpOrCidr } from './ipAddress';
import { findingAt, ofKind, SECURITY } from './istioRule';
import type { RuleContext, Rule } from './rule';

const IP_BLOCKS = ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks'];

function isPort(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) <= 65535;
}

function ipProblem(value: string, where: string): string {
  return `\`${value}\` in \`${where}\` is not an IP address or CIDR range, so Istio rejects the policy. Write an address (\`10.1.2.3\`, \`2001:db8::1\`) or a range (\`10.1.0.0/16\`).`;
}

export const authorizationPolicyValueFormat: Rule = {
  code: 'MM401',
  defaultSeverity: 'error',
  appliesTo: ofKind('AuthorizationPolicy', SECURITY),
  check(ctx: RuleContext) {
    const findings: Finding[] = [];
    const value = ctx.resource.resource.value;
    for (const when of conditions(value)) {
      const key = typeof when.value.key === 'string' ? when.value.key : '';
      const lists = ['values', 'notValues'].filter((k) => Array.isArray(when.value[k]) && (when.value[k] as unknown[]).length > 0);
      if (lists.length === 0) {
        findings.push(findingAt(ctx, 'MM401', [...when.path, 'key'], `The condition on \`${key}\` has neither \`values\` nor \`notValues\`, so Istio rejects the policy. Add the values to match (or not match).`));
        continue;
      }
      const check = checkAttribute(key);
      for (const listKey of lists) {
        for (const item of stringItems(when, listKey)) {
          let problem: string | undefined;
          if (item.value === '') problem = `An empty value in \`${listKey}\` of \`${key}\`: Istio rejects empty strings. Remove it, or use \`*\` to match any value.`;
          else if (check.problem) continue; // MM400 reports the key
          else if (check.type === 'ip' && !isIpOrCidr(item.value)) problem = ipProblem(item.value, key);
          else if (check.type === 'port' && !isPort(item.value)) problem = `\`${item.value}\` is not a port number (0..65535), so Istio rejects the condition on \`destination.port\`. Write the number, e.g. \`"8080"\`.`;
          if (problem) findings.push(findingAt(ctx, 'MM401', item.path, problem, 'value'));
        }
      }
    }
    for (const source of sources(value)) {
      for (const key of IP_BLOCKS) {
        for (const item of stringItems(source, key)) {
          if (isIpOrCidr(item.value)) continue;
          const problem = item.value === '' ? `An empty value in \`${key}\`: Istio rejects empty strings. Remove it.` : ipProblem(item.value, key);
          findings.push(findingAt(ctx, 'MM401', item.path, problem, 'value'));
        }
      }
    }
    return findings;
  },
};
