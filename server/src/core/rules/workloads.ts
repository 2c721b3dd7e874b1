// The workloads a selector can pick: Pods in the workspace AND the pod templates of
// Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs (a manifest
// repository rarely holds Pods; istioctl analyze looks at the running Pods instead).
// Like istioctl's local analysis (AddDefaultResources), Istio's default ingress gateway is
// assumed to exist in istio-system unless the workspace already has a workload labelled
// `istio: ingressgateway` there.
import { derived } from '../workspace/derivedIndex';
import { compareByIdentity } from '../workspace/sameData';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { at, list, metadata, record, stringMap, text, type Plain } from './plainValue';

export const ISTIO_SYSTEM = 'istio-system';
export const INGRESS_GATEWAY_LABELS: Readonly<Record<string, string>> = { istio: 'ingressgateway' };

export interface ContainerPort {
  readonly number: number;
  readonly name: string;
}

/**
 * A workload as the rules see it: a projection of its resource (identity, pod labels and
 * annotations, declared ports, proxy), compared field by field when the workloads are
 * rebuilt. `source` and `podSpec` are read through the index: reading them depends on
 * every edit of a workload (replica counts, probes…), reading the rest does not.
 */
export interface Workload {
  /** The Pod or the controller holding the template; undefined for the implicit gateway. */
  readonly source?: IndexedResource;
  /** False for the implicit ingress gateway (the workloads of the workspace have a source). */
  readonly inWorkspace: boolean;
  /** The source's kind ('Pod' for the implicit gateway). */
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly podSpec: Plain;
  /** True for a Pod object, false for a pod template. */
  readonly isPod: boolean;
  /** `ports` of the containers and init containers, in order. */
  readonly ports: readonly ContainerPort[];
  /** A container (or init container) named `istio-proxy` with an image. */
  readonly hasIstioProxy: boolean;
  /** An `istio-proxy` container started with `router` (a gateway proxy). */
  readonly runsRouter: boolean;
  /** `spec.nodeName` of the pod ('' when unscheduled or a template). */
  readonly nodeName: string;
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
  inWorkspace: false,
  kind: 'Pod',
  namespace: ISTIO_SYSTEM,
  name: 'istio-ingressgateway',
  labels: INGRESS_GATEWAY_LABELS,
  annotations: {},
  podSpec: { containers: [{ name: 'istio-proxy' }] },
  isPod: true,
  ports: [],
  hasIstioProxy: false,
  runsRouter: false,
  nodeName: '',
};

type Projection = Omit<Workload, 'source' | 'podSpec'>;

/** What a workload read from the index: its entry and pod spec, current after every rebuild. */
interface Backing {
  readonly entry: IndexedResource;
  readonly podSpec: Plain;
  readonly projection: Projection;
}

const backings = new WeakMap<Workload, Backing>();

function project(entry: IndexedResource, kind: string, labels: unknown, annotations: unknown, podSpec: Plain, isPod: boolean): Projection {
  const all = containers(podSpec, true);
  return {
    inWorkspace: true,
    kind,
    namespace: entry.namespace,
    name: entry.resource.name ?? '',
    labels: stringMap(labels),
    annotations: stringMap(annotations),
    isPod,
    ports: all.flatMap((c) => list(c.ports).map(record).filter((p) => p !== undefined).map((p) => ({ number: Number(p!.containerPort) || 0, name: text(p!.name) }))),
    hasIstioProxy: all.some((c) => text(c.name) === 'istio-proxy' && text(c.image) !== ''),
    runsRouter: containers(podSpec).some((c) => text(c.name) === 'istio-proxy' && list(c.args).some((a) => text(a) === 'router')),
    nodeName: text(podSpec.nodeName),
  };
}

/** The workload of an entry (a Pod, or a controller with a pod template), with its pod spec. */
function workloadOf(entry: IndexedResource): { projection: Projection; podSpec: Plain } | undefined {
  const value = entry.resource.value;
  if (entry.group === '' && entry.resource.kind === 'Pod') {
    const meta = metadata(value);
    const podSpec = record(value.spec) ?? {};
    return { projection: project(entry, 'Pod', meta.labels, meta.annotations, podSpec, true), podSpec };
  }
  const template = podTemplateOf(entry);
  if (!template) return undefined;
  const meta = record(template.metadata) ?? {};
  const podSpec = record(template.spec) ?? {};
  return { projection: project(entry, entry.resource.kind, meta.labels, meta.annotations, podSpec, false), podSpec };
}

/** Entries are kept while their resource is unchanged, so their projection is too. */
const projections = new WeakMap<IndexedResource, { projection: Projection; podSpec: Plain } | null>();

/** Same keys in the same order (readers may list them), same values. */
function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== other[i] || a[keys[i]] !== b[keys[i]]) return false;
  return true;
}

function sameProjection(w: Workload, p: Projection): boolean {
  return w.inWorkspace === p.inWorkspace && w.kind === p.kind && w.namespace === p.namespace && w.name === p.name && w.isPod === p.isPod
    && w.hasIstioProxy === p.hasIstioProxy && w.runsRouter === p.runsRouter && w.nodeName === p.nodeName
    && sameRecord(w.labels, p.labels) && sameRecord(w.annotations, p.annotations)
    && w.ports.length === p.ports.length && w.ports.every((c, i) => c.number === p.ports[i].number && c.name === p.ports[i].name);
}

function readBacking(index: WorkspaceIndex, w: Workload): Backing | undefined {
  workloads(index); // brings the backings up to date
  index.depend(WORKLOAD_KINDS);
  return backings.get(w);
}

function workloadObject(index: WorkspaceIndex, projection: Projection, backing: Backing): Workload {
  const w: Workload = compareByIdentity({
    ...projection,
    get source() {
      return readBacking(index, w)?.entry;
    },
    get podSpec() {
      return readBacking(index, w)?.podSpec ?? {};
    },
  });
  backings.set(w, backing);
  return w;
}

function build(index: WorkspaceIndex, previous: WorkloadSet | undefined): WorkloadSet {
  const found: { projection: Projection; backing: Backing }[] = [];
  // by kind, in workspace order: a change to other kinds leaves the list as it is
  for (const entry of index.ofKinds(WORKLOAD_KINDS)) {
    let hit = projections.get(entry);
    if (hit === undefined) {
      hit = workloadOf(entry) ?? null;
      projections.set(entry, hit);
    }
    if (hit) found.push({ projection: hit.projection, backing: { entry, podSpec: hit.podSpec, projection: hit.projection } });
  }
  const hasIngress = found.some(({ projection: w }) => w.namespace === ISTIO_SYSTEM && w.labels.istio === 'ingressgateway');
  // the same projections in the same order: keep the previous set (its readers need not
  // run again) with its workloads reading the current entries
  if (previous && previous.all.length === found.length + (hasIngress ? 0 : 1)
    && (hasIngress || previous.all[found.length] === IMPLICIT_INGRESS_GATEWAY)
    && found.every((f, i) => previous.all[i] !== IMPLICIT_INGRESS_GATEWAY
      && (backings.get(previous.all[i])?.projection === f.projection || sameProjection(previous.all[i], f.projection)))) {
    found.forEach((f, i) => backings.set(previous.all[i], f.backing));
    return previous;
  }
  const all: Workload[] = found.map((f) => workloadObject(index, f.projection, f.backing));
  const hasOwnWorkloads = all.length > 0;
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
