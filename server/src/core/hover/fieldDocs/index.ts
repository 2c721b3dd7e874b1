// Every table of our own field docs, and the lookup: the exact `Kind:path` key first, then
// keys reached through the tables' aliases, then the same with one map key generalised to
// `*` (a concrete header name, label or subset name).
import { ANNOTATION_DOCS } from './annotations';
import { CONSUL } from './consul';
import { CONSUL_MORE } from './consulMore';
import { asFieldDoc, type FieldDoc, type FieldDocTable } from './fieldDoc';
import { GATEWAY_API } from './gatewayApi';
import { GATEWAY_API_MORE } from './gatewayApiMore';
import { ISTIO_DESTINATION_RULE } from './istioDestinationRule';
import { ISTIO_NETWORKING } from './istioNetworking';
import { ISTIO_POLICY_TARGETING, ISTIO_SECURITY } from './istioSecurity';
import { ISTIO_EXTENSIONS, ISTIO_TELEMETRY } from './istioTelemetry';
import { ISTIO_VIRTUAL_SERVICE } from './istioVirtualService';
import { ISTIO_MORE, LINKERD_MORE } from './istioMore';
import { KUBERNETES_OBJECT, KUBERNETES_WORKLOADS } from './kubernetes';
import { KUBERNETES_LEGACY_VOLUMES } from './kubernetesLegacyVolumes';
import { KUBERNETES_POD } from './kubernetesPod';
import { KUBERNETES_METADATA_EXTRA, KUBERNETES_RESOURCES } from './kubernetesResources';
import { LINKERD } from './linkerd';
import { ISTIO_ROUTING_REMAINDER, LINKERD_POLICY_REMAINDER, PROMETHEUS_REMAINDER } from './meshRemainder';
import { PROMETHEUS } from './prometheus';

export const FIELD_DOC_TABLES: readonly FieldDocTable[] = [
  ISTIO_VIRTUAL_SERVICE,
  ISTIO_DESTINATION_RULE,
  ISTIO_NETWORKING,
  ISTIO_SECURITY,
  ISTIO_POLICY_TARGETING,
  ISTIO_TELEMETRY,
  ISTIO_EXTENSIONS,
  ISTIO_MORE,
  LINKERD,
  LINKERD_MORE,
  GATEWAY_API,
  GATEWAY_API_MORE,
  CONSUL,
  CONSUL_MORE,
  PROMETHEUS,
  PROMETHEUS_REMAINDER,
  ISTIO_ROUTING_REMAINDER,
  LINKERD_POLICY_REMAINDER,
  KUBERNETES_OBJECT,
  KUBERNETES_WORKLOADS,
  KUBERNETES_POD,
  KUBERNETES_LEGACY_VOLUMES,
  KUBERNETES_RESOURCES,
  KUBERNETES_METADATA_EXTRA,
];

interface Merged {
  readonly docs: ReadonlyMap<string, FieldDoc>;
  readonly aliases: readonly (readonly [string, string])[];
}

const byGroup = new Map<string, Merged>();

function mergedFor(group: string): Merged {
  let merged = byGroup.get(group);
  if (!merged) {
    const docs = new Map<string, FieldDoc>();
    const aliases: (readonly [string, string])[] = [];
    for (const table of FIELD_DOC_TABLES) {
      if (!table.groups.includes(group) && !table.groups.includes('*')) continue;
      for (const [key, entry] of Object.entries(table.docs)) if (!docs.has(key)) docs.set(key, asFieldDoc(entry));
      aliases.push(...(table.aliases ?? []));
    }
    // longest prefix first: the most specific alias wins
    aliases.sort((a, b) => b[0].length - a[0].length);
    merged = { docs, aliases };
    byGroup.set(group, merged);
  }
  return merged;
}

function atBoundary(key: string, prefix: string): boolean {
  if (!key.startsWith(prefix)) return false;
  const next = key.charAt(prefix.length);
  return next === '' || next === '.' || next === '[' || prefix.endsWith(':');
}

function rewrite(key: string, from: string, to: string): string | undefined {
  let matched: string | undefined;
  if (from.startsWith('*:')) {
    const colon = key.indexOf(':');
    const candidate = `${key.slice(0, colon)}:${from.slice(2)}`;
    if (atBoundary(key, candidate)) matched = candidate;
  } else if (atBoundary(key, from)) {
    matched = from;
  }
  if (matched === undefined) return undefined;
  let rest = key.slice(matched.length);
  if (to.endsWith(':') && rest.startsWith('.')) rest = rest.slice(1);
  return to + rest;
}

function resolve(merged: Merged, start: string): { key: string; doc: FieldDoc } | undefined {
  const queue = [start];
  const seen = new Set(queue);
  // aliases can chain (a subset's policy → the rule's policy → a shared block); a few hops suffice
  for (let i = 0; i < queue.length && i < 32; i++) {
    const key = queue[i];
    const doc = merged.docs.get(key);
    if (doc) return { key, doc };
    for (const [from, to] of merged.aliases) {
      const next = rewrite(key, from, to);
      if (next !== undefined && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** Splits `a.b[].c` into segments, keeping `[]` on the segment it follows. */
function segments(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/**
 * Our doc for a field: `group` is the resource's API group ('' for core), `path` the dotted
 * path with `[]` for list items and `*` for map keys (see schemaField.ts); `concretePath`
 * the same with the map keys as written.
 */
export function findFieldDoc(group: string, kind: string, path: string, concretePath?: string): { key: string; doc: FieldDoc } | undefined {
  const merged = mergedFor(group);
  const exact = resolve(merged, `${kind}:${path}`);
  if (exact) return exact;
  // a map the schema types (`resources.limits.*`) may be described key by key (`…limits.memory`)
  const concrete = concretePath !== undefined && concretePath !== path ? resolve(merged, `${kind}:${concretePath}`) : undefined;
  if (concrete) return concrete;
  const parts = segments(path);
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i] === '*' || parts[i].endsWith('[]')) continue;
    const general = [...parts.slice(0, i), '*', ...parts.slice(i + 1)].join('.');
    const found = resolve(merged, `${kind}:${general}`);
    if (found) return found;
  }
  return undefined;
}

/** Every doc text we wrote, with its key (for counts and the no-upstream-text test). */
export function fieldDocEntries(): { table: string; key: string; text: string }[] {
  const out: { table: string; key: string; text: string }[] = [];
  for (const table of FIELD_DOC_TABLES) {
    for (const [key, entry] of Object.entries(table.docs)) out.push({ table: table.name, key, text: asFieldDoc(entry).text });
  }
  for (const [key, doc] of Object.entries(ANNOTATION_DOCS)) out.push({ table: 'annotations', key, text: doc.text });
  return out;
}
