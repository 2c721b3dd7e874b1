// What the PeerAuthentications say about the workloads a DestinationRule's TLS settings
// reach, for the mTLS consistency rules (MM430, MM431). The host decides the targets:
// `*.local`/`*.cluster.local`/`*.svc.cluster.local`/`*` → the mesh-wide policy;
// `*.<ns>.svc.cluster.local` → that namespace's policy (Kiali's namespace- and mesh-wide
// mTLS checkers); a Service host → the in-mesh workloads behind the Service (narrowed by
// the subset's labels), or, when they are not in the workspace, a pod carrying the
// Service's selector. Hosts outside the cluster (ServiceEntries) are not checked: no
// PeerAuthentication applies there.
import type { Finding } from '../finding';
import type { IndexedResource } from '../workspace/workspaceIndex';
import { trafficPolicies, type TrafficPolicyAt } from './destinationRulePolicies';
import { toFqdn } from './istioHosts';
import { displayName, findingAt } from './istioRule';
import { selectorMatches, type Labels } from './labelSelector';
import { inMesh } from './meshMembership';
import { meshMode, namespaceMode, workloadMode, type ModeSource } from './peerAuthenticationModes';
import { at, list, record, spec, stringMap, text } from './plainValue';
import type { RuleContext } from './rule';
import { workloads } from './workloads';
import { workloadName } from './workloadPolicies';

export interface PeerConflict {
  readonly tp: TrafficPolicyAt;
  readonly source: ModeSource;
  /** What the DestinationRule reaches: "the whole mesh", "namespace shop", a workload. */
  readonly target: string;
}

const MESH_WIDE = new Set(['*', '*.local', '*.cluster.local', '*.svc.cluster.local']);
const NAMESPACE_WIDE = /^\*\.([^.]+)\.svc\.cluster\.local$/;
const SERVICE_HOST = /^([^.*]+)\.([^.]+)\.svc\.cluster\.local$/;

/** The workload port a Service port forwards to (its numeric targetPort, else itself). */
function targetPort(service: IndexedResource | undefined, port: number | undefined): number | undefined {
  if (port === undefined || !service) return port;
  const entry = list(spec(service.resource.value).ports).map(record).find((p) => Number(p?.port) === port);
  return typeof entry?.targetPort === 'number' ? entry.targetPort : port;
}

function conflictFor(ctx: RuleContext, tp: TrafficPolicyAt, host: string, clash: string): PeerConflict | undefined {
  if (MESH_WIDE.has(host)) {
    const source = meshMode(ctx.index);
    return source.mode === clash ? { tp, source, target: 'the whole mesh' } : undefined;
  }
  const ns = NAMESPACE_WIDE.exec(host);
  if (ns) {
    const source = namespaceMode(ctx.index, ns[1]);
    return source.mode === clash ? { tp, source, target: `namespace \`${ns[1]}\`` } : undefined;
  }
  const svc = SERVICE_HOST.exec(host);
  if (!svc) return undefined;
  const [, name, namespace] = svc;
  const service = ctx.index.lookup('Service', '', namespace, name);
  const selector: Labels = { ...(service ? stringMap(spec(service.resource.value).selector) : {}), ...(tp.subset?.labels ?? {}) };
  const port = targetPort(service, tp.port);
  if (service && Object.keys(stringMap(spec(service.resource.value).selector)).length > 0) {
    const behind = (workloads(ctx.index).byNamespace.get(namespace) ?? []).filter((w) => w.inWorkspace && selectorMatches(selector, w.labels));
    if (behind.length > 0) {
      for (const w of behind) {
        if (!inMesh(ctx.index, w)) continue; // PeerAuthentication only binds workloads with a proxy
        const source = workloadMode(ctx.index, namespace, w.labels, port);
        if (source.mode === clash) return { tp, source, target: workloadName(w) };
      }
      return undefined;
    }
  }
  const source = Object.keys(selector).length > 0 ? workloadMode(ctx.index, namespace, selector, port) : namespaceMode(ctx.index, namespace);
  return source.mode === clash ? { tp, source, target: `the workloads of \`${host}\`` } : undefined;
}

/** Each TLS setting of the DestinationRule with mode `drMode` whose targets' PeerAuthentication mode is `clash`. */
export function peerConflicts(ctx: RuleContext, drMode: string, clash: string): PeerConflict[] {
  const value = ctx.resource.resource.value;
  const raw = text(spec(value).host);
  if (!raw) return [];
  const host = raw === '*' ? raw : toFqdn(ctx.resource.namespace, raw);
  const out: PeerConflict[] = [];
  for (const tp of trafficPolicies(value)) {
    if (text(at(tp.policy, 'tls', 'mode')) !== drMode) continue;
    const conflict = conflictFor(ctx, tp, host, clash);
    if (conflict) out.push(conflict);
  }
  return out;
}

export function policyName(source: ModeSource): string {
  const p = source.policy;
  if (!p) return 'Istio\'s default';
  const file = p.uri.slice(p.uri.lastIndexOf('/') + 1);
  return `${displayName('PeerAuthentication', p.namespace, p.resource.name)} (${file})`;
}

export function conflictFinding(ctx: RuleContext, code: string, conflict: PeerConflict, message: string): Finding {
  return findingAt(ctx, code, [...conflict.tp.path, 'tls', 'mode'], message, 'value');
}
