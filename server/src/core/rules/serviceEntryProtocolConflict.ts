// IST0177 on ServiceEntries that define the same host and port with different protocols
// where both are visible (their exportTo scopes meet): sidecars pick one arbitrarily.
// Reported once per ServiceEntry.
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { ALL_NAMESPACES, exportScopes } from './exportTo';
import { displayName, findingAt, ofKind, NETWORKING, type IstioRule } from './istioRule';
import { list, record, spec, strings, text } from './plainValue';

interface Conflict {
  readonly host: string;
  readonly port: number;
  readonly protocols: readonly string[];
  readonly others: readonly string[];
}

function conflicts(index: WorkspaceIndex): ReadonlyMap<IndexedResource, Conflict> {
  return derivedData(index, 'serviceEntryProtocolConflicts', (ix) => {
    const byKey = new Map<string, { se: IndexedResource; protocol: string }[]>();
    for (const se of ix.ofKind('ServiceEntry', NETWORKING)) {
      const s = spec(se.resource.value);
      for (const scope of exportScopes(strings(s.exportTo), se.namespace)) {
        for (const host of strings(s.hosts)) {
          for (const p of list(s.ports)) {
            const key = `${scope}|${host}|${Number(record(p)?.number) || 0}`;
            byKey.set(key, [...(byKey.get(key) ?? []), { se, protocol: text(record(p)?.protocol).toUpperCase() }]);
          }
        }
      }
    }
    const result = new Map<IndexedResource, Conflict>();
    for (const [key, own] of byKey) {
      const [scope, host, port] = key.split('|');
      const entries = scope === ALL_NAMESPACES ? own : [...own, ...(byKey.get(`${ALL_NAMESPACES}|${host}|${port}`) ?? [])];
      const protocols = [...new Set(entries.map((e) => e.protocol))].sort();
      if (protocols.length < 2) continue;
      const names = [...new Set(entries.map((e) => e.se))];
      for (const se of names) {
        if (result.has(se)) continue;
        const others = names.filter((o) => o !== se).map((o) => displayName('ServiceEntry', o.namespace, o.resource.name)).sort();
        result.set(se, { host, port: Number(port), protocols, others });
      }
    }
    return result;
  });
}

export const serviceEntryProtocolConflict: IstioRule = {
  code: 'IST0177',
  defaultSeverity: 'warning',
  analyzers: ['serviceentry.ConflictingServiceEntryProtocolAnalyzer'],
  appliesTo: ofKind('ServiceEntry', NETWORKING),
  check(ctx) {
    const c = conflicts(ctx.index).get(ctx.resource);
    if (!c) return [];
    const s = spec(ctx.resource.resource.value);
    const portIndex = list(s.ports).findIndex((p) => (Number(record(p)?.number) || 0) === c.port);
    return [findingAt(ctx, 'IST0177', portIndex >= 0 ? ['spec', 'ports', portIndex] : ['spec', 'hosts'], `Host \`${c.host}\` port ${c.port} is also defined by ${c.others.join(', ')} with another protocol (${c.protocols.map((p) => p || '(none)').join(', ')}); sidecars use only one of them. Use one protocol for the host and port.`)];
  },
};
