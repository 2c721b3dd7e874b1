// How many proxies a workload runs: its replicas as the cluster would see them.
//   Deployment, StatefulSet, ReplicaSet  an HPA's minReplicas when one targets it, else
//                                        spec.replicas (default 1)
//   DaemonSet                            one per node: mumbaiMesh.cost.nodes
//   Job / CronJob                        parallelism (default 1) × mumbaiMesh.cost.jobDuty,
//                                        the fraction of the month a run is going (default 0:
//                                        batch pods are not counted unless you say so)
//   Pod                                  1
import type { Settings } from '../settings';
import { hpaKey, type CostWorkspace, type WorkloadEntry } from './costWorkspace';
import { isRecord, valueAt } from './podTemplate';

export interface Replicas {
  /** Proxies running on average over the month (fractional for Jobs). */
  readonly replicas: number;
  readonly reason: string;
}

function count(value: unknown, fallback: number): number | undefined {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export function replicasOf(entry: WorkloadEntry, ws: CostWorkspace, settings: Settings, notes: string[]): Replicas {
  const spec = isRecord(entry.resource.value.spec) ? entry.resource.value.spec : {};
  switch (entry.kind) {
    case 'Pod':
      return { replicas: 1, reason: 'a bare Pod' };
    case 'DaemonSet':
      return { replicas: settings.cost.nodes, reason: `one per node (mumbaiMesh.cost.nodes = ${settings.cost.nodes})` };
    case 'Job':
    case 'CronJob': {
      const path = entry.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'parallelism'] : ['spec', 'parallelism'];
      const raw = valueAt(entry.resource.value, path);
      let parallelism = count(raw, 1);
      if (parallelism === undefined) {
        notes.push(`parallelism ${JSON.stringify(raw)} is not a whole number; counted as 1.`);
        parallelism = 1;
      }
      const duty = settings.cost.jobDuty;
      return { replicas: parallelism * duty, reason: `parallelism ${parallelism} × duty ${duty} (mumbaiMesh.cost.jobDuty)` };
    }
    default: {
      const hpa = ws.hpaMinReplicas.get(hpaKey(entry.namespace, entry.kind, entry.name));
      if (hpa !== undefined) return { replicas: hpa, reason: `HorizontalPodAutoscaler minReplicas ${hpa}` };
      const replicas = count(spec.replicas, 1);
      if (replicas === undefined) {
        notes.push(`spec.replicas ${JSON.stringify(spec.replicas)} is not a whole number; counted as 1.`);
        return { replicas: 1, reason: 'default 1' };
      }
      return { replicas, reason: spec.replicas === undefined ? 'default 1' : 'spec.replicas' };
    }
  }
}
