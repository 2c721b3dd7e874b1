// What the user sees when hovering a proxy resource annotation (sidecar.istio.io/proxyCPU…,
// config.linkerd.io/proxy-*…, consul.hashicorp.com/sidecar-proxy-*…) or `spec.replicas`:
// what this value costs per month, what it would cost at the mesh's default, and what the
// difference saves. The numbers come from running the core on the workspace as it is and
// again with the value removed; nothing is estimated here.
import type { Range } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../analyzeFile';
import type { Resource } from '../parse/extractResources';
import { createLocator, type Locator } from '../parse/locator';
import type { Settings } from '../settings';
import { computeCost, type CostReport, type WorkloadReport } from './costReport';
import { moneyExact, replicasLabel, workloadMeshLabel } from './costDisplay';
import type { JsonPath, WorkspaceResource } from './costTypes';
import { isRecord, podTemplateOf, valueAt, workloadKind } from './podTemplate';
import { PROXY_ANNOTATIONS, fieldWords, type SidecarMesh } from './proxyResources';
import { formatCpu, formatMemory } from './quantity';
import { moneyTotal } from './totals';

export interface CostHoverInput {
  readonly file: AnalyzedFile;
  readonly offset: number;
  /** The workspace as the cost core takes it. This file's entries are replaced by `file`'s resources. */
  readonly resources: readonly WorkspaceResource[];
  /** The `file` value this document's resources carry in `resources`. */
  readonly fileKey: string;
  readonly settings: Settings;
}

export interface CostHover {
  readonly markdown: string;
  /** Absolute offsets of the hovered key and value. */
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

type Field = 'cpuRequest' | 'memoryRequest' | 'cpuLimit' | 'memoryLimit';
const FIELDS: readonly Field[] = ['cpuRequest', 'memoryRequest', 'cpuLimit', 'memoryLimit'];
const SIDECAR_MESHES: readonly SidecarMesh[] = ['istio', 'linkerd', 'consul'];
const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);
const MESH_NAME: Readonly<Record<SidecarMesh, string>> = { istio: 'Istio', linkerd: 'Linkerd', consul: 'Consul' };

interface AnnotationTarget {
  readonly type: 'annotation';
  readonly resource: Resource;
  readonly path: JsonPath;
  readonly name: string;
  readonly mesh: SidecarMesh;
  readonly field: Field;
  /** All of this mesh's proxy annotations in the same map, for "at the mesh's defaults". */
  readonly siblings: readonly JsonPath[];
  /** A Namespace's annotation (Linkerd reads proxy settings from the namespace too). */
  readonly onNamespace: boolean;
  readonly start: number;
  readonly end: number;
}

interface ReplicasTarget {
  readonly type: 'replicas';
  readonly resource: Resource;
  readonly path: JsonPath;
  readonly start: number;
  readonly end: number;
}

type Target = AnnotationTarget | ReplicasTarget;

function hit(locator: Locator, path: JsonPath, offset: number): { start: number; end: number } | undefined {
  const key = locator.key(path);
  if (!key) return undefined;
  const value = locator.value(path);
  const end = Math.max(key.end, value?.end ?? key.end);
  return offset >= key.start && offset <= end ? { start: key.start, end } : undefined;
}

function annotationTarget(resource: Resource, locator: Locator, annotationsPath: JsonPath, meshes: readonly SidecarMesh[], offset: number, onNamespace: boolean): AnnotationTarget | undefined {
  const annotations = valueAt(resource.value, annotationsPath);
  if (!isRecord(annotations)) return undefined;
  for (const mesh of meshes) {
    const names = PROXY_ANNOTATIONS[mesh];
    for (const field of FIELDS) {
      const name = names[field];
      if (!(name in annotations)) continue;
      const path = [...annotationsPath, name];
      const span = hit(locator, path, offset);
      if (!span) continue;
      const siblings = FIELDS.filter((f) => names[f] in annotations).map((f) => [...annotationsPath, names[f]]);
      return { type: 'annotation', resource, path, name, mesh, field, siblings, onNamespace, ...span };
    }
  }
  return undefined;
}

function findTarget(file: AnalyzedFile, offset: number): Target | undefined {
  for (let i = 0; i < file.documents.length; i++) {
    const { offset: base, analysis } = file.documents[i];
    const next = file.documents[i + 1]?.offset ?? file.source.length + 1;
    if (offset < base || offset >= next) continue;
    for (const resource of analysis.resources) {
      const locator = createLocator(resource.node, base);
      const kind = workloadKind(resource);
      if (kind) {
        const found = annotationTarget(resource, locator, podTemplateOf(resource, kind).annotationsPath, SIDECAR_MESHES, offset, false);
        if (found) return found;
        if (REPLICATED.has(kind)) {
          const span = hit(locator, ['spec', 'replicas'], offset);
          if (span) return { type: 'replicas', resource, path: ['spec', 'replicas'], ...span };
        }
      } else if (resource.kind === 'Namespace' && resource.apiVersion === 'v1') {
        const found = annotationTarget(resource, locator, ['metadata', 'annotations'], ['linkerd'], offset, true);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function withoutPath(value: Record<string, unknown>, path: JsonPath): Record<string, unknown> {
  const [head, ...rest] = path;
  const key = String(head);
  const copy = { ...value };
  if (rest.length === 0) {
    delete copy[key];
    return copy;
  }
  const child = value[key];
  if (!isRecord(child)) return value;
  copy[key] = withoutPath(child, rest);
  return copy;
}

function withoutPaths(resource: Resource, paths: readonly JsonPath[]): Resource {
  return { ...resource, value: paths.reduce(withoutPath, resource.value) };
}

/** The workspace with this file's entries taken from its current analysis, in the same place. */
function currentWorkspace(input: CostHoverInput): WorkspaceResource[] {
  const own = input.file.documents.flatMap((d) => d.analysis.resources.map((resource) => ({ file: input.fileKey, resource })));
  const at = input.resources.findIndex((r) => r.file === input.fileKey);
  const others = input.resources.filter((r) => r.file !== input.fileKey);
  if (at === -1) return [...others, ...own];
  return [...others.slice(0, at), ...own, ...others.slice(at)];
}

function swap(ws: readonly WorkspaceResource[], from: Resource, to: Resource): WorkspaceResource[] {
  return ws.map((r) => (r.resource === from ? { file: r.file, resource: to } : r));
}

function money(w: WorkloadReport | undefined): number {
  return w ? moneyTotal(w.money) : 0;
}

function effect(saved: number, currency: string, plural = false): string {
  if (saved > 0) return `${plural ? 'save' : 'saves'} ${moneyExact(saved, currency)}/month`;
  if (saved < 0) return `${plural ? 'cost' : 'costs'} ${moneyExact(-saved, currency)}/month more`;
  return `${plural ? 'change' : 'changes'} nothing`;
}

function requestsText(w: WorkloadReport | undefined): string {
  const r = w?.proxy?.requests;
  if (!r || (r.cpuMillicores === undefined && r.memoryBytes === undefined)) return 'no requests';
  return [r.cpuMillicores !== undefined ? `${formatCpu(r.cpuMillicores)} CPU` : undefined, r.memoryBytes !== undefined ? `${formatMemory(r.memoryBytes)} memory` : undefined].filter(Boolean).join(' / ');
}

function annotationHover(target: AnnotationTarget, ws: WorkspaceResource[], settings: Settings, base: CostReport): string {
  const { prices } = base;
  const currency = prices.currency;
  const meshLabel = MESH_NAME[target.mesh];
  const value = valueAt(target.resource.value, target.path);
  const shown = `\`${target.name}: ${typeof value === 'string' ? value : JSON.stringify(value)}\``;
  const head = `**Proxy cost** (${prices.profile}) · ${shown}`;
  const without = withoutPaths(target.resource, [target.path]);
  const after = computeCost(swap(ws, target.resource, without), settings);

  if (target.onNamespace) {
    const users = base.workloads.filter((w) => w.mesh === target.mesh && w.namespace === target.resource.name && w.resource.kind !== 'Namespace');
    const saved = moneyTotal(after.total.money) - moneyTotal(base.total.money);
    return [
      `${head}: the ${meshLabel} proxy ${fieldWords(target.field)} of namespace ${target.resource.name} (${users.length} ${meshLabel} workload${users.length === 1 ? '' : 's'} there; a pod's own annotation wins).`,
      `Workspace mesh overhead: ${moneyExact(moneyTotal(base.total.money), currency)}/month with it, ${moneyExact(moneyTotal(after.total.money), currency)}/month without: it ${effect(saved, currency)}.`,
    ].join('\n\n');
  }

  const w = base.workloads.find((x) => x.resource === target.resource && x.kind === target.resource.kind);
  if (!w) return `${head}: this workload is not in a mesh (no injection label or annotation, and mumbaiMesh.defaultMesh is \`${settings.defaultMesh}\`), so it adds no proxy cost.`;
  if (w.mesh !== target.mesh) return `${head}: this workload runs ${workloadMeshLabel(w)}, so ${meshLabel} proxy annotations do not change its cost.`;
  const w0 = after.workloads.find((x) => x.resource === without && x.kind === without.kind);
  const lines = [`${head}: ${moneyExact(money(w), currency)}/month for ${workloadMeshLabel(w)} ×${replicasLabel(w.replicas)} (proxy ${requestsText(w)}).`];
  // Istio: no annotation at all means the install's defaults (chart or settings); Linkerd
  // and Consul fall back per field, to the namespace's annotation or the install's default.
  const fallback = (x: WorkloadReport | undefined) => (target.mesh === 'istio' ? `, at Istio's defaults (${requestsText(x)})` : ` (${requestsText(x)})`);
  const saved = money(w0) - money(w);
  const single = target.siblings.length === 1;
  let line = `Without this annotation${single ? fallback(w0) : ` (${requestsText(w0)})`}: ${moneyExact(money(w0), currency)}/month, so this value ${effect(saved, currency)}.`;
  if (saved === 0 && target.field.endsWith('Limit')) line += ' Limits are not priced, requests are (a limit counts only where it stands in for a missing request).';
  lines.push(line);
  if (!single) {
    const defaults = withoutPaths(target.resource, target.siblings);
    const wd = computeCost(swap(ws, target.resource, defaults), settings).workloads.find((x) => x.resource === defaults && x.kind === defaults.kind);
    lines.push(`Without any of these ${target.siblings.length} annotations${fallback(wd)}: ${moneyExact(money(wd), currency)}/month, so together they ${effect(money(wd) - money(w), currency, true)}.`);
  }
  const dropped = w.notes.find((n) => n.startsWith('Once any sidecar.istio.io/proxy*'));
  if (target.mesh === 'istio' && dropped) lines.push(dropped);
  if (w.fromContainer) lines.push('An istio-proxy container in the pod spec sets some proxy resources itself; its values win over the annotations.');
  return lines.join('\n\n');
}

function replicasHover(target: ReplicasTarget, ws: WorkspaceResource[], settings: Settings, base: CostReport): string | undefined {
  const w = base.workloads.find((x) => x.resource === target.resource && x.kind === target.resource.kind);
  if (!w) return undefined;
  const currency = base.prices.currency;
  const head = `**Proxy cost** (${base.prices.profile}) · ${workloadMeshLabel(w)} ×${replicasLabel(w.replicas)}`;
  if (w.replicasReason.startsWith('HorizontalPodAutoscaler')) {
    return `${head}: ${moneyExact(money(w), currency)}/month. The ${w.replicasReason} decides the replicas, so \`spec.replicas\` does not change the proxy cost.`;
  }
  if (!w.proxy) return `${head}: no sidecar under Istio ambient, so replicas add no proxy cost here (the node ztunnels and waypoints are priced on their own).`;
  const without = withoutPaths(target.resource, [target.path]);
  const w1 = computeCost(swap(ws, target.resource, without), settings).workloads.find((x) => x.resource === without && x.kind === without.kind);
  return [
    `${head}: ${moneyExact(money(w), currency)}/month of proxy overhead.`,
    `At the default of 1 replica: ${moneyExact(money(w1), currency)}/month, so this value ${effect(money(w1) - money(w), currency)}.`,
  ].join('\n\n');
}

/** The cost hover at `offset`, or undefined when the offset is on nothing cost-related. */
export function costHover(input: CostHoverInput): CostHover | undefined {
  const target = findTarget(input.file, input.offset);
  if (!target) return undefined;
  const ws = currentWorkspace(input);
  const base = computeCost(ws, input.settings);
  const markdown = target.type === 'annotation' ? annotationHover(target, ws, input.settings, base) : replicasHover(target, ws, input.settings, base);
  if (!markdown) return undefined;
  const range = { start: input.file.lineIndex.positionAt(target.start), end: input.file.lineIndex.positionAt(target.end) };
  return { markdown, start: target.start, end: target.end, range };
}

