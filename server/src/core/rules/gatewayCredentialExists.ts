// IST0101 on an Istio Gateway server whose `tls.credentialName` names no Secret in the
// namespace of the selected gateway workload. A Secret counts when the workspace holds
// it or a resource that produces it (cert-manager Certificate `secretName`, SealedSecret,
// ExternalSecret). Only reported when the workspace manages secrets for that namespace
// at all; otherwise the Secret is assumed to be created outside the repository.
import { derivedData } from '../workspace/derivedIndex';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { gatewaySelector, selectedWorkloads } from './gatewayWorkloads';
import { findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { at, list, record, spec, text } from './plainValue';

/** namespace → names of Secrets the workspace creates there. */
function secretNames(index: WorkspaceIndex): ReadonlyMap<string, ReadonlySet<string>> {
  return derivedData(index, 'secretNames', (ix) => {
    const map = new Map<string, Set<string>>();
    const add = (ns: string, name: string) => {
      if (!name) return;
      const set = map.get(ns) ?? new Set<string>();
      set.add(name);
      map.set(ns, set);
    };
    for (const s of ix.ofKind('Secret', '')) add(s.namespace, s.resource.name ?? '');
    for (const c of ix.ofKind('Certificate', 'cert-manager.io')) add(c.namespace, text(at(c.resource.value, 'spec', 'secretName')));
    for (const s of ix.ofKind('SealedSecret', 'bitnami.com')) add(s.namespace, text(at(s.resource.value, 'spec', 'template', 'metadata', 'name')) || (s.resource.name ?? ''));
    for (const e of ix.ofKind('ExternalSecret')) add(e.namespace, text(at(e.resource.value, 'spec', 'target', 'name')) || (e.resource.name ?? ''));
    return map;
  });
}

export const gatewayCredentialExists: IstioRule = {
  code: 'IST0101',
  defaultSeverity: 'error',
  analyzers: ['gateway.SecretAnalyzer'],
  appliesTo: ofKind('Gateway', NETWORKING),
  check(ctx) {
    const selected = selectedWorkloads(ctx.index, gatewaySelector(ctx.resource));
    if (selected.length === 0) return [];
    // istioctl looks in the namespace of the first selected workload
    const namespace = selected[0].namespace;
    const names = secretNames(ctx.index).get(namespace);
    if (!names) return [];
    const findings = [];
    const servers = list(spec(ctx.resource.resource.value).servers);
    for (let i = 0; i < servers.length; i++) {
      const name = text(record(record(servers[i])?.tls)?.credentialName);
      if (!name || names.has(name)) continue;
      findings.push(findingAt(ctx, 'IST0101', ['spec', 'servers', i, 'tls', 'credentialName'], `No Secret \`${name}\` exists in \`${namespace || '(none)'}\`, the namespace of the gateway workload, so this server cannot load its certificate. Create the Secret there (a gateway reads credentials from its own namespace) or fix the name.`, 'value'));
    }
    return findings;
  },
};
