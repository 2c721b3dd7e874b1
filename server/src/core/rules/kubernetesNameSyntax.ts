// What the user sees: an error on a name the API server rejects but the schemas leave open
// (they check only metadata.name as a DNS subdomain, MM208): a Service name that is not a
// DNS-1035 label (`1ledger`, `ledger.v2`), a Namespace name with a dot, a container name
// that is not a DNS-1123 label or is used twice in a pod, a container or Service port name
// that breaks its rules (container ports and named targetPorts: at most 15 characters, a
// letter required), and a quoted number as targetPort (`"8080"` is read as a port name).
// Names follow apimachinery's validation; a quick fix is offered where the intended name is
// plain.
import type { Finding } from '../finding';
import type { JsonPath } from '../parse/locator';
import { findingAt } from './istioRule';
import { dns1035LabelProblem, dns1123LabelProblem, isDns1123Subdomain, portNameProblem, suggestDnsStyle } from './kubernetesNames';
import { at, list, record } from './plainValue';
import type { Rule, RuleContext } from './rule';
import { podTemplateOf } from './workloads';

const tick = (s: string) => `\`${s}\``;

function named(ctx: RuleContext, path: JsonPath, what: string, name: string, problem: string, valid: (s: string) => boolean): Finding {
  const fix = suggestDnsStyle(name, valid);
  const finding = findingAt(ctx, 'MM325', path, `${what} ${tick(name)} is not valid: ${problem}. Kubernetes rejects the resource.${fix ? ` For example ${tick(fix)}.` : ''}`, 'value');
  return fix ? { ...finding, data: { replaceWith: fix } } : finding;
}

function podSpecPath(ctx: RuleContext): JsonPath | undefined {
  const { kind } = ctx.resource.resource;
  if (ctx.resource.group === '' && kind === 'Pod') return ['spec'];
  if (!podTemplateOf(ctx.resource)) return undefined;
  return kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'spec'] : ['spec', 'template', 'spec'];
}

function checkPodSpec(ctx: RuleContext, out: Finding[], specPath: JsonPath): void {
  const spec = record(at(ctx.resource.resource.value, ...specPath));
  if (!spec) return;
  const seen = new Set<string>();
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    list(spec[field]).forEach((raw, i) => {
      const c = record(raw);
      if (!c) return;
      const path = [...specPath, field, i];
      if (typeof c.name === 'string') {
        const problem = dns1123LabelProblem(c.name);
        if (problem) out.push(named(ctx, [...path, 'name'], 'Container name', c.name, problem, (s) => dns1123LabelProblem(s) === undefined));
        else if (seen.has(c.name)) out.push(findingAt(ctx, 'MM325', [...path, 'name'], `Container name ${tick(c.name)} is used twice in this pod; Kubernetes rejects the pod. Give each container (and init container) its own name.`, 'value'));
        seen.add(c.name);
      }
      list(c.ports).forEach((p, j) => {
        const name = record(p)?.name;
        if (typeof name !== 'string') return;
        const problem = portNameProblem(name);
        if (problem) out.push(named(ctx, [...path, 'ports', j, 'name'], 'Container port name', name, problem, (s) => portNameProblem(s) === undefined));
      });
    });
  }
}

function checkService(ctx: RuleContext, out: Finding[]): void {
  list(at(ctx.resource.resource.value, 'spec', 'ports')).forEach((raw, i) => {
    const p = record(raw);
    if (!p) return;
    if (typeof p.name === 'string' && p.name !== '') {
      const problem = dns1123LabelProblem(p.name);
      if (problem) out.push(named(ctx, ['spec', 'ports', i, 'name'], 'Service port name', p.name, problem, (s) => dns1123LabelProblem(s) === undefined));
    }
    if (typeof p.targetPort === 'string') {
      const target = p.targetPort;
      if (/^\d+$/.test(target.trim())) {
        // no quick fix: the generic one keeps a string a string (it would write the quotes back)
        out.push(findingAt(ctx, 'MM325', ['spec', 'ports', i, 'targetPort'], `targetPort ${tick(JSON.stringify(target))} is a string, so Kubernetes reads it as a port name, and a port name must contain a letter: the Service is rejected. Write the number without quotes.`, 'value'));
        return;
      }
      const problem = portNameProblem(target);
      if (problem) out.push(named(ctx, ['spec', 'ports', i, 'targetPort'], 'targetPort name', target, problem, (s) => portNameProblem(s) === undefined));
    }
  });
}

export const kubernetesNameSyntax: Rule = {
  code: 'MM325',
  defaultSeverity: 'error',
  appliesTo: (r) => (r.group === '' && ['Service', 'Namespace', 'Pod'].includes(r.resource.kind)) || podTemplateOf(r) !== undefined,
  check(ctx) {
    const out: Finding[] = [];
    const { kind, name } = ctx.resource.resource;
    // a name that is not even a DNS subdomain is the schema's MM208
    if (ctx.resource.group === '' && name !== undefined && isDns1123Subdomain(name)) {
      if (kind === 'Service') {
        const problem = dns1035LabelProblem(name);
        if (problem) out.push(named(ctx, ['metadata', 'name'], 'Service name', name, `a Service name is a DNS-1035 label, so ${problem}`, (s) => dns1035LabelProblem(s) === undefined));
      } else if (kind === 'Namespace') {
        const problem = dns1123LabelProblem(name);
        if (problem) out.push(named(ctx, ['metadata', 'name'], 'Namespace name', name, `a Namespace name is a DNS-1123 label, so ${problem}`, (s) => dns1123LabelProblem(s) === undefined));
      }
    }
    if (ctx.resource.group === '' && kind === 'Service') checkService(ctx, out);
    const specPath = podSpecPath(ctx);
    if (specPath) checkPodSpec(ctx, out, specPath);
    return out;
  },
};
