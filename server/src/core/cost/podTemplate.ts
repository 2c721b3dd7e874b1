// Where a workload keeps its pod template: labels and annotations decide injection, the
// spec holds containers (an `istio-proxy` container overrides the injected one), and the
// annotations path is where a right-sizing fix writes.
import type { Resource } from '../parse/extractResources';
import type { JsonPath } from './costTypes';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job' | 'CronJob' | 'Pod';

export interface PodTemplate {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly spec: Readonly<Record<string, unknown>>;
  /** Path from the resource to the pod template's `metadata.annotations`. */
  readonly annotationsPath: JsonPath;
}

// apiVersion groups each kind lives in; a `Deployment` of another group (a CRD that
// borrows the name) is not a Kubernetes workload.
const GROUPS: Readonly<Record<WorkloadKind, readonly string[]>> = {
  Deployment: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  DaemonSet: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  Job: ['batch'],
  CronJob: ['batch'],
  Pod: [''],
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

export function workloadKind(resource: Resource): WorkloadKind | undefined {
  const kind = resource.kind as WorkloadKind;
  const groups = GROUPS[kind];
  return groups && groups.includes(apiGroup(resource.apiVersion)) ? kind : undefined;
}

/** A string map as Kubernetes would read it (scalars stringified, the rest dropped). */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

function templatePath(kind: WorkloadKind): JsonPath {
  if (kind === 'Pod') return [];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template'];
  return ['spec', 'template'];
}

function at(value: unknown, path: JsonPath): unknown {
  let cur = value;
  for (const key of path) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key as string];
  }
  return cur;
}

export function podTemplateOf(resource: Resource, kind: WorkloadKind): PodTemplate {
  const path = templatePath(kind);
  const template = at(resource.value, path);
  const metadata = isRecord(template) && isRecord(template.metadata) ? template.metadata : {};
  const spec = isRecord(template) && isRecord(template.spec) ? template.spec : {};
  return {
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    spec,
    annotationsPath: [...path, 'metadata', 'annotations'],
  };
}

export function valueAt(value: unknown, path: JsonPath): unknown {
  return at(value, path);
}
