// Istio ambient waypoints: one proxy Deployment per waypoint Gateway (gatewayClassName
// istio-waypoint), 1 replica, sized by the waypoint template (100m / 128Mi requests, or
// mumbaiMesh.cost.proxyDefaults.istio-waypoint). A waypoint named by istio.io/use-waypoint
// but not declared in the workspace is still counted: it has to exist somewhere.
import type { CostContext, WorkloadCost } from './workloadCost';
import { podProxy } from './workloadCost';
import { latencyPerHop } from './latency';
import { waypointResources } from './proxyResources';
import { reportAmount } from './totals';
import { usagePerPod } from './usageEstimate';

export function waypointCosts(ambient: readonly WorkloadCost[], ctx: CostContext): WorkloadCost[] {
  const { ws, settings, prices } = ctx;
  const resources = waypointResources(settings);
  const byKey = new Map<string, { file: string; resource: WorkloadCost['resource']; kind: string; namespace: string; name: string; users: WorkloadCost[] }>();
  for (const w of ws.waypoints) byKey.set(`${w.namespace}/${w.name}`, { file: w.file, resource: w.resource, kind: 'Gateway', namespace: w.namespace, name: w.name, users: [] });
  for (const workload of ambient) {
    if (!workload.waypoint) continue;
    const key = `${workload.waypoint.namespace}/${workload.waypoint.name}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { file: workload.file, resource: workload.resource, kind: 'Waypoint', namespace: workload.waypoint.namespace, name: workload.waypoint.name, users: [] };
      byKey.set(key, entry);
    }
    entry.users.push(workload);
  }
  return [...byKey.values()].map((w) => {
    const rated = w.users.filter((u) => u.expectedRate);
    const rps = rated.reduce((sum, u) => sum + (u.expectedRate?.rps ?? 0), 0);
    const usage = rated.length > 0 ? usagePerPod('istio-waypoint', rps, 1) : undefined;
    const proxy = podProxy(resources, usage, prices);
    const notes = [...resources.notes];
    if (w.kind === 'Waypoint') notes.push(`Waypoint ${w.namespace}/${w.name} is named by istio.io/use-waypoint but not declared in the workspace; counted with the waypoint defaults.`);
    return {
      file: w.file,
      resource: w.resource,
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      mesh: 'istio-ambient' as const,
      meshReason: 'Istio ambient waypoint',
      replicas: 1,
      replicasReason: 'one waypoint Deployment replica (the default)',
      proxy,
      proxyOrigin: resources.origin,
      fromContainer: false,
      amount: reportAmount(proxy.priced, 1),
      money: proxy.money,
      expectedRate: rated.length > 0 ? { rps, source: rated.every((u) => u.expectedRate?.source === 'setting') ? 'setting' as const : 'annotation' as const } : undefined,
      latency: latencyPerHop('istio-ambient', true),
      annotationsPath: ['metadata', 'annotations'],
      notes,
    };
  });
}
