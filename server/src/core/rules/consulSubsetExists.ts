// MM461 on a ServiceSplitter split or ServiceRouter route destination with a
// `serviceSubset` that the target service's ServiceResolver does not define (or that has
// no ServiceResolver, so no subsets at all). Consul's discovery chain compiler refuses it
// ("service … does not have a subset named …"), so the entry never takes effect. Targets
// whose resolver redirects elsewhere, and targets in another Consul namespace, partition,
// peer or datacenter, are not checked.
import type { Finding } from '../finding';
import { findingAt } from './istioRule';
import { consulEntry, CONSUL, hasRedirect, resolverSubsets, routeTargets, splitTargets, type ServiceTarget } from './consulConfigEntries';
import type { Rule } from './rule';

const KINDS = new Set(['ServiceSplitter', 'ServiceRouter']);

export const consulSubsetExists: Rule = {
  code: 'MM461',
  defaultSeverity: 'error',
  appliesTo: (r) => r.group === CONSUL && KINDS.has(r.resource.kind),
  check(ctx) {
    const targets: ServiceTarget[] = ctx.resource.resource.kind === 'ServiceSplitter' ? splitTargets(ctx.resource) : routeTargets(ctx.resource);
    const findings: Finding[] = [];
    for (const t of targets) {
      if (!t.subset || t.elsewhere || !t.service) continue;
      const resolver = consulEntry(ctx.index, 'ServiceResolver', t.service, ctx.resource.namespace);
      if (resolver && hasRedirect(resolver)) continue;
      const subsets = resolver ? resolverSubsets(resolver) : [];
      if (subsets.includes(t.subset)) continue;
      const message = resolver
        ? `The ServiceResolver for \`${t.service}\` defines no subset \`${t.subset}\`${subsets.length ? ` (it has ${subsets.map((s) => `\`${s}\``).join(', ')})` : ''}, so Consul refuses this ${ctx.resource.resource.kind}. Fix the name or add the subset to the resolver.`
        : `No ServiceResolver for \`${t.service}\` exists in the workspace, so the service has no subset \`${t.subset}\` and Consul refuses this ${ctx.resource.resource.kind}. Add a ServiceResolver \`${t.service}\` that defines the subset.`;
      findings.push(findingAt(ctx, 'MM461', [...t.path, 'serviceSubset'], message, 'value'));
    }
    return findings;
  },
};
