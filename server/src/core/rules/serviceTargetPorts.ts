// A Service's ports against the pods it selects: for each port, its target (`targetPort`,
// else `port`, as Kubernetes defaults it) and the selected workloads whose containers do not
// expose it. Kubernetes resolves a named targetPort per pod from the containers' `ports`,
// so a pod without that name is left out of the port's endpoints; a number is used as is,
// so it is only doubtful when the pod declares its ports and this one is not among them.
// Shared by serviceTargetPortName.ts (MM320) and serviceTargetPortNumber.ts (MM321).
import type { JsonPath } from '../parse/locator';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { selectorMatches } from './labelSelector';
import { portNameProblem } from './kubernetesNames';
import { list, record, stringMap } from './plainValue';
import { workloadName } from './workloadPolicies';
import { workloads, type Workload, type WorkloadSet } from './workloads';

export interface TargetPort {
  /** Where to report: the `targetPort` value, else the `port` value. */
  readonly path: JsonPath;
  readonly servicePort: number | undefined;
  readonly target: number | string;
  readonly selected: readonly Workload[];
  /** Selected workloads that do not expose the target (numbers: only those declaring ports). */
  readonly lacking: readonly Workload[];
}

export function isSelectingService(entry: IndexedResource): boolean {
  if (entry.group !== '' || entry.resource.kind !== 'Service') return false;
  const spec = record(entry.resource.value.spec);
  return spec !== undefined && spec.type !== 'ExternalName' && Object.keys(stringMap(spec.selector)).length > 0 && Array.isArray(spec.ports);
}

/** Per workload set (kept while the workloads' projections are) and Service: its target ports. */
const computed = new WeakMap<WorkloadSet, WeakMap<IndexedResource, readonly TargetPort[]>>();

/** The Service's target ports against the workloads it selects (MM320 and MM321 both ask). */
export function serviceTargetPorts(entry: IndexedResource, index: WorkspaceIndex): readonly TargetPort[] {
  const set = workloads(index);
  let perService = computed.get(set);
  if (!perService) {
    perService = new WeakMap();
    computed.set(set, perService);
  }
  let found = perService.get(entry);
  if (!found) {
    found = targetPorts(entry, set);
    perService.set(entry, found);
  }
  return found;
}

function targetPorts(entry: IndexedResource, set: WorkloadSet): TargetPort[] {
  const spec = record(entry.resource.value.spec) ?? {};
  const selector = stringMap(spec.selector);
  const selected = (set.byNamespace.get(entry.namespace) ?? []).filter((w) => w.inWorkspace && selectorMatches(selector, w.labels));
  if (selected.length === 0) return [];
  const out: TargetPort[] = [];
  list(spec.ports).forEach((raw, i) => {
    const p = record(raw);
    if (!p || p.protocol === 'SCTP') return;
    const servicePort = typeof p.port === 'number' ? p.port : undefined;
    const explicit = p.targetPort !== undefined && p.targetPort !== null;
    const target = explicit ? p.targetPort : p.port;
    const path: JsonPath = ['spec', 'ports', i, explicit ? 'targetPort' : 'port'];
    if (typeof target === 'string') {
      // a malformed name is reported as such (MM325), not as missing
      if (portNameProblem(target)) return;
      out.push({ path, servicePort, target, selected, lacking: selected.filter((w) => !w.ports.some((c) => c.name === target)) });
    } else if (typeof target === 'number' && Number.isInteger(target)) {
      out.push({ path, servicePort, target, selected, lacking: selected.filter((w) => w.ports.length > 0 && !w.ports.some((c) => c.number === target)) });
    }
  });
  return out;
}

/** `Deployment payments/wallet, …` (at most three). */
export function workloadList(ws: readonly Workload[]): string {
  const names = [...new Set(ws.map(workloadName))];
  return names.slice(0, 3).join(', ') + (names.length > 3 ? `, and ${names.length - 3} more` : '');
}

/** `http (8080), 9090`: the ports the workloads expose, for the message. */
export function exposedPorts(ws: readonly Workload[]): string {
  return [...new Set(ws.flatMap((w) => w.ports).map((c) => (c.name ? `${c.name} (${c.number})` : String(c.number))))].join(', ');
}

