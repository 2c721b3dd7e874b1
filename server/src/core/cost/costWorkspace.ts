// The workspace as the cost core needs it, built once per calculation: namespaces with
// their labels, HPAs by target, the Services / ServiceEntries / DestinationRules / Sidecars
// that size an Istio proxy's configuration, waypoints, and the workloads themselves.
import type { Resource } from '../parse/extractResources';
import type { WorkspaceResource } from './costTypes';
import { apiGroup, isRecord, podTemplateOf, stringMap, workloadKind, type PodTemplate, type WorkloadKind } from './podTemplate';

export interface NamespaceInfo {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface WorkloadEntry {
  readonly file: string;
  readonly resource: Resource;
  readonly kind: WorkloadKind;
  readonly namespace: string;
  readonly name: string;
  readonly template: PodTemplate;
}

export interface ServiceInfo {
  readonly namespace: string;
  readonly hosts: readonly string[];
  readonly ports: number;
  /** Namespaces the service is exported to: undefined = everywhere. */
  readonly exportTo?: readonly string[];
}

export interface DestinationRuleInfo {
  readonly namespace: string;
  readonly host: string;
  readonly subsets: number;
}

export interface SidecarInfo {
  readonly namespace: string;
  readonly name: string;
  readonly selector?: Readonly<Record<string, string>>;
  readonly egressHosts: readonly string[];
}

export interface WaypointInfo {
  readonly file: string;
  readonly resource: Resource;
  readonly namespace: string;
  readonly name: string;
}

export interface CostWorkspace {
  readonly namespaces: ReadonlyMap<string, NamespaceInfo>;
  /** `namespace/Kind/name` of the target → HPA minReplicas. */
  readonly hpaMinReplicas: ReadonlyMap<string, number>;
  readonly services: readonly ServiceInfo[];
  readonly destinationRules: readonly DestinationRuleInfo[];
  readonly sidecars: readonly SidecarInfo[];
  readonly waypoints: readonly WaypointInfo[];
  readonly workloads: readonly WorkloadEntry[];
}

/** Istio's root namespace: a Sidecar there without a selector is the mesh-wide default. */
export const ROOT_NAMESPACE = 'istio-system';
export const DEFAULT_NAMESPACE = 'default';

export function hpaKey(namespace: string, kind: string, name: string): string {
  return `${namespace}/${kind}/${name}`;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function exportToOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  const list = strings(value);
  return list.length > 0 ? list : undefined;
}

function portCount(value: unknown): number {
  return Math.max(1, Array.isArray(value) ? value.length : 0);
}

export function buildCostWorkspace(resources: readonly WorkspaceResource[]): CostWorkspace {
  const namespaces = new Map<string, NamespaceInfo>();
  const hpaMinReplicas = new Map<string, number>();
  const services: ServiceInfo[] = [];
  const destinationRules: DestinationRuleInfo[] = [];
  const sidecars: SidecarInfo[] = [];
  const waypoints: WaypointInfo[] = [];
  const workloads: WorkloadEntry[] = [];

  for (const { file, resource } of resources) {
    const value = resource.value;
    const metadata = isRecord(value.metadata) ? value.metadata : {};
    const spec = isRecord(value.spec) ? value.spec : {};
    const namespace = resource.namespace ?? DEFAULT_NAMESPACE;
    const group = apiGroup(resource.apiVersion);
    const kind = workloadKind(resource);
    if (kind) {
      // Pods and ReplicaSets written out by a controller belong to their owner, which is
      // counted instead.
      const owned = Array.isArray(metadata.ownerReferences) && metadata.ownerReferences.length > 0;
      if (!owned && resource.name) workloads.push({ file, resource, kind, namespace, name: resource.name, template: podTemplateOf(resource, kind) });
      continue;
    }
    if (resource.kind === 'Namespace' && group === '' && resource.name) {
      namespaces.set(resource.name, { labels: stringMap(metadata.labels), annotations: stringMap(metadata.annotations) });
    } else if (resource.kind === 'HorizontalPodAutoscaler' && group === 'autoscaling') {
      const target = isRecord(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
      const min = spec.minReplicas === undefined ? 1 : spec.minReplicas;
      if (typeof target.kind === 'string' && typeof target.name === 'string' && typeof min === 'number' && Number.isInteger(min) && min >= 0) {
        hpaMinReplicas.set(hpaKey(namespace, target.kind, target.name), min);
      }
    } else if (resource.kind === 'Service' && group === '' && resource.name) {
      const annotations = stringMap(metadata.annotations);
      services.push({
        namespace,
        hosts: [`${resource.name}.${namespace}.svc.cluster.local`],
        ports: portCount(spec.ports),
        exportTo: exportToOf(annotations['networking.istio.io/exportTo']),
      });
    } else if (resource.kind === 'ServiceEntry' && group === 'networking.istio.io') {
      services.push({ namespace, hosts: strings(spec.hosts), ports: portCount(spec.ports), exportTo: exportToOf(spec.exportTo) });
    } else if (resource.kind === 'DestinationRule' && group === 'networking.istio.io' && typeof spec.host === 'string') {
      destinationRules.push({ namespace, host: spec.host, subsets: Array.isArray(spec.subsets) ? spec.subsets.length : 0 });
    } else if (resource.kind === 'Sidecar' && group === 'networking.istio.io' && resource.name) {
      const selector = isRecord(spec.workloadSelector) ? stringMap(spec.workloadSelector.labels) : undefined;
      const egress = Array.isArray(spec.egress) ? spec.egress : [];
      // No egress section means "everything", like having no Sidecar at all.
      const egressHosts = egress.length === 0 ? ['*/*'] : egress.flatMap((e) => (isRecord(e) ? strings(e.hosts) : []));
      sidecars.push({ namespace, name: resource.name, selector, egressHosts });
    } else if (resource.kind === 'Gateway' && group === 'gateway.networking.k8s.io' && spec.gatewayClassName === 'istio-waypoint' && resource.name) {
      waypoints.push({ file, resource, namespace, name: resource.name });
    }
  }
  return { namespaces, hpaMinReplicas, services, destinationRules, sidecars, waypoints, workloads };
}
