// The control plane of each mesh in use, counted once per mesh, plus Istio ambient's
// per-node agents. Chart defaults (docs/cost-model.md cites each):
//   istiod        500m / 2048Mi, 1 replica (HPA 1–5, minimum 1)       istio/istio istio-discovery values
//   ztunnel       200m / 512Mi per node (DaemonSet)                    istio/istio ztunnel chart
//   istio-cni     100m / 100Mi per node (DaemonSet)                    istio/istio cni chart
//   Linkerd       no requests in the default chart (values-ha.yaml sets them)  linkerd-control-plane values
//   Consul        server 100m / 200Mi × 1, connect-injector 50m / 200Mi × 1   consul-k8s values
// mumbaiMesh.cost.controlPlane replaces a mesh's components with the user's own totals.
import type { ControlPlaneKey, MeshName, Settings } from '../settings';
import type { CpuMemoryAmount, DataPlane, MoneyParts } from './costTypes';
import { monthlyMinor, type Prices } from './pricing';
import { parseCpuMillicores, parseMemoryBytes } from './quantity';
import { reportAmount, scaleMoney, sumMoney, sumReported, type ReportedAmount } from './totals';

export interface ControlPlaneComponent {
  readonly name: string;
  readonly replicas: number;
  /** Requests of one replica. */
  readonly perReplica: CpuMemoryAmount;
  readonly perNode: boolean;
  readonly source: string;
}

export interface ControlPlaneCost {
  readonly mesh: DataPlane;
  readonly components: readonly (ControlPlaneComponent & { readonly money: MoneyParts })[];
  readonly amount: ReportedAmount;
  readonly money: MoneyParts;
  readonly notes: readonly string[];
}

const MI = 1024 * 1024;

const ISTIOD: Omit<ControlPlaneComponent, 'replicas'> = { name: 'istiod', perReplica: { cpuMillicores: 500, memoryBytes: 2048 * MI }, perNode: false, source: 'istio-discovery chart: pilot requests 500m / 2048Mi, HPA minReplicas 1' };
const ZTUNNEL: Omit<ControlPlaneComponent, 'replicas'> = { name: 'ztunnel', perReplica: { cpuMillicores: 200, memoryBytes: 512 * MI }, perNode: true, source: 'ztunnel chart: requests 200m / 512Mi, one per node' };
const ISTIO_CNI: Omit<ControlPlaneComponent, 'replicas'> = { name: 'istio-cni', perReplica: { cpuMillicores: 100, memoryBytes: 100 * MI }, perNode: true, source: 'istio-cni chart: requests 100m / 100Mi, one per node' };
const CONSUL_SERVER: Omit<ControlPlaneComponent, 'replicas'> = { name: 'consul-server', perReplica: { cpuMillicores: 100, memoryBytes: 200 * MI }, perNode: false, source: 'consul-k8s chart: server.resources 100m / 200Mi, server.replicas 1' };
const CONSUL_INJECTOR: Omit<ControlPlaneComponent, 'replicas'> = { name: 'consul-connect-injector', perReplica: { cpuMillicores: 50, memoryBytes: 200 * MI }, perNode: false, source: 'consul-k8s chart: connectInject.resources 50m / 200Mi, 1 replica' };
const LINKERD_NOTE = 'Linkerd\'s default chart sets no control-plane requests, so it is priced at 0; with values-ha.yaml (3 replicas of destination, identity and proxy-injector, each with a proxy) it requests about 2100m / 660Mi: set mumbaiMesh.cost.controlPlane.linkerd.';

function override(settings: Settings, key: ControlPlaneKey): ControlPlaneComponent | undefined {
  const o = settings.cost.controlPlane[key];
  if (!o) return undefined;
  const cpu = parseCpuMillicores(o.cpu);
  const memory = parseMemoryBytes(o.memory);
  if (cpu === undefined || memory === undefined) return undefined;
  return { name: `${key} control plane`, replicas: 1, perReplica: { cpuMillicores: cpu, memoryBytes: memory }, perNode: false, source: `mumbaiMesh.cost.controlPlane.${key}` };
}

/**
 * The components of each mesh in use. istiod serves sidecars and ambient alike, so it is
 * listed under `istio` when sidecars are in use and under `istio-ambient` otherwise.
 */
export function controlPlaneComponents(meshes: ReadonlySet<MeshName>, settings: Settings): Map<DataPlane, { components: ControlPlaneComponent[]; notes: string[] }> {
  const nodes = settings.cost.nodes;
  const out = new Map<DataPlane, { components: ControlPlaneComponent[]; notes: string[] }>();
  const istiod = override(settings, 'istio') ?? { ...ISTIOD, replicas: 1 };
  if (meshes.has('istio')) out.set('istio', { components: [istiod], notes: [] });
  if (meshes.has('istio-ambient')) {
    const components = meshes.has('istio') ? [] : [istiod];
    components.push({ ...ZTUNNEL, replicas: nodes }, { ...ISTIO_CNI, replicas: nodes });
    out.set('istio-ambient', { components, notes: [`ztunnel and istio-cni run on each of ${nodes} nodes (mumbaiMesh.cost.nodes).`] });
  }
  if (meshes.has('linkerd')) {
    const o = override(settings, 'linkerd');
    out.set('linkerd', o ? { components: [o], notes: [] } : { components: [], notes: [LINKERD_NOTE] });
  }
  if (meshes.has('consul')) {
    const o = override(settings, 'consul');
    out.set('consul', { components: o ? [o] : [{ ...CONSUL_SERVER, replicas: 1 }, { ...CONSUL_INJECTOR, replicas: 1 }], notes: [] });
  }
  return out;
}

export function priceControlPlanes(meshes: ReadonlySet<MeshName>, settings: Settings, prices: Prices): ControlPlaneCost[] {
  const order: DataPlane[] = ['istio', 'istio-ambient', 'linkerd', 'consul'];
  const planes = controlPlaneComponents(meshes, settings);
  return order.flatMap((mesh) => {
    const plane = planes.get(mesh);
    if (!plane) return [];
    // Priced per replica (rounded once), then times replicas: exact like workloads.
    const components = plane.components.map((c) => ({ ...c, money: scaleMoney(monthlyMinor(c.perReplica, prices), c.replicas) }));
    return [{
      mesh,
      components,
      amount: sumReported(components.map((c) => reportAmount(c.perReplica, c.replicas))),
      money: sumMoney(components.map((c) => c.money)),
      notes: plane.notes,
    }];
  });
}
