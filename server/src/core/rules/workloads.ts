// The workloads a selector can pick: Pods in the workspace AND the pod templates of
// Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs (a manifest
// repository rarely holds Pods; istioctl analyze looks at the running Pods instead).
// Like istioctl's local analysis (AddDefaultResources), Istio's default ingress gateway is
// assumed to exist in istio-system unless the workspace already has a workload labelled
// `istio: ingressgateway` there.
import { derived } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { at, list, metadata, record, stringMap, text, type Plain } from './plainValue';

export const ISTIO_SYSTEM = 'istio-system';
export const INGRESS_GATEWAY_LABELS: Readonly<Record<string, string>> = { istio: 'ingressgateway' };

export interface Workload {
  /** The Pod or the controller holding the template; undefined for the implicit gateway. */
  readonly source?: IndexedResource;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly podSpec: Plain;
  /** True for a Pod object, false for a pod template. */
  readonly isPod: boolean;
}

export interface WorkloadSet {
  readonly all: readonly Workload[];
  readonly byNamespace: ReadonlyMap<string, readonly Workload[]>;
  /** Whether the workspace itself has any Pod or pod template (the implicit gateway aside). */
  readonly hasOwnWorkloads: boolean;
}

const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  'apps/Deployment': ['spec', 'template'],
  'apps/StatefulSet': ['spec', 'template'],
  'apps/DaemonSet': ['spec', 'template'],
  'apps/ReplicaSet': ['spec', 'template'],
  'batch/Job': ['spec', 'template'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template'],
};

/** The pod template of a workload controller, if the resource is one. */
const CONTROLLER_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);
/** Every kind that can be a workload: Pods and the controllers above. */
const WORKLOAD_KINDS: readonly string[] = ['Pod', ...CONTROLLER_KINDS];

export function podTemplateOf(entry: IndexedResource): Plain | undefined {
  // cheap test first: this runs in appliesTo for every resource
  if (!CONTROLLER_KINDS.has(entry.resource.kind)) return undefined;
  const path = TEMPLATE_PATHS[`${entry.group}/${entry.resource.kind}`];
  return path ? record(at(entry.resource.value, ...path)) : undefined;
}

export const IMPLICIT_INGRESS_GATEWAY: Workload = {
  namespace: ISTIO_SYSTEM,
  name: 'istio-ingressgateway',
  labels: INGRESS_GATEWAY_LABELS,
  annotations: {},
  podSpec: { containers: [{ name: 'istio-proxy' }] },
  isPod: true,
};

function build(index: WorkspaceIndex): WorkloadSet {
  const all: Workload[] = [];
  // by kind, in workspace order: a change to other kinds leaves the list as it is
  for (const entry of index.ofKinds(WORKLOAD_KINDS)) {
    const value = entry.resource.value;
    if (entry.group === '' && entry.resource.kind === 'Pod') {
      const meta = metadata(value);
      all.push({ source: entry, namespace: entry.namespace, name: entry.resource.name ?? '', labels: stringMap(meta.labels), annotations: stringMap(meta.annotations), podSpec: record(value.spec) ?? {}, isPod: true });
      continue;
    }
    const template = podTemplateOf(entry);
    if (!template) continue;
    const meta = record(template.metadata) ?? {};
    all.push({ source: entry, namespace: entry.namespace, name: entry.resource.name ?? '', labels: stringMap(meta.labels), annotations: stringMap(meta.annotations), podSpec: record(template.spec) ?? {}, isPod: false });
  }
  const hasOwnWorkloads = all.length > 0;
  const hasIngress = all.some((w) => w.namespace === ISTIO_SYSTEM && w.labels.istio === 'ingressgateway');
  if (!hasIngress) all.push(IMPLICIT_INGRESS_GATEWAY);
  const byNamespace = new Map<string, Workload[]>();
  for (const w of all) {
    const bucket = byNamespace.get(w.namespace);
    if (bucket) bucket.push(w);
    else byNamespace.set(w.namespace, [w]);
  }
  return { all, byNamespace, hasOwnWorkloads };
}

export function workloads(index: WorkspaceIndex): WorkloadSet {
  return derived(index, 'workloads', build);
}

/** Containers (and, with `init`, init containers) of a pod spec. */
export function containers(podSpec: Plain, init = false): Plain[] {
  const found = list(podSpec.containers).map(record).filter((c): c is Plain => c !== undefined);
  if (init) found.push(...list(podSpec.initContainers).map(record).filter((c): c is Plain => c !== undefined));
  return found;
}

export function containerNamed(podSpec: Plain, name: string): Plain | undefined {
  return containers(podSpec).find((c) => text(c.name) === name);
}
