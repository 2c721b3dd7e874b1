// Added latency per hop (one request from a meshed client to a meshed server: the client's
// proxy plus the server's), per mesh and mode, with where each figure comes from. The
// sources use different harnesses and loads, so figures from different rows are not
// strictly comparable; Istio publishes no P50, Linkerd's benchmark reports P50 only.
import type { MeshName } from '../settings';

export interface LatencyEstimate {
  readonly mesh: MeshName;
  readonly mode: 'sidecar' | 'ambient-l4' | 'ambient-waypoint' | 'none';
  readonly p50Ms?: number;
  readonly p90Ms?: number;
  readonly p99Ms?: number;
  /** Where the figures come from, or why there are none. */
  readonly source: string;
}

const LATENCY: Readonly<Record<string, LatencyEstimate>> = {
  istio: { mesh: 'istio', mode: 'sidecar', p90Ms: 0.228, p99Ms: 0.298, source: 'Istio 1.20 "Performance and Scalability": client + server sidecar at 1000 rps' },
  'istio-ambient': { mesh: 'istio-ambient', mode: 'ambient-l4', p90Ms: 0.17, p99Ms: 0.2, source: 'Istio 1.22 "Performance and Scalability": ambient L4, two ztunnels, 1000 rps' },
  'istio-ambient-waypoint': { mesh: 'istio-ambient', mode: 'ambient-waypoint', source: 'no published per-hop figure for a waypoint in our sources; expect more than L4 alone' },
  linkerd: { mesh: 'linkerd', mode: 'sidecar', p50Ms: 6, source: 'Linkerd 2021 benchmark (Linkerd 2.11.1 vs Istio 1.12.0, 2000 rps): +6 ms P50 (Istio +17 ms in the same run)' },
  consul: { mesh: 'consul', mode: 'sidecar', source: 'no published per-hop figure for Consul service mesh in our sources (its proxy is Envoy, like Istio\'s sidecar)' },
  none: { mesh: 'none', mode: 'none', p50Ms: 0, p90Ms: 0, p99Ms: 0, source: 'no proxy on the path' },
};

export function latencyPerHop(mesh: MeshName, viaWaypoint = false): LatencyEstimate {
  if (mesh === 'istio-ambient' && viaWaypoint) return LATENCY['istio-ambient-waypoint'];
  return LATENCY[mesh];
}
