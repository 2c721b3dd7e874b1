// What the user sees: an error on a sidecar proxy's CPU, memory or ephemeral-storage
// request annotation whose value is above the matching limit annotation on the same
// object (`config.linkerd.io/proxy-cpu-request: 500m` with `proxy-cpu-limit: 200m`, and
// the same for Istio's `sidecar.istio.io/proxyCPU`/`proxyCPULimit` and Consul's
// `sidecar-proxy-*`). The injectors copy both into the proxy container, and the API server
// rejects a container whose request exceeds its limit, so the pod is never created.
// Annotation names are the cost model's (cost/proxyResources.ts); quantities are compared
// exactly (cost/quantity.ts).
import type { Finding } from '../finding';
import { PROXY_ANNOTATIONS, type SidecarMesh } from '../cost/proxyResources';
import { parseQuantity, type Rational } from '../cost/quantity';
import { findingAt } from './istioRule';
import { cpuQuantity, memoryQuantity, type ValueCheck } from './meshAnnotationValues';
import { metadataBlocks } from './metadataBlocks';
import type { Rule } from './rule';

interface Pair {
  readonly what: string;
  readonly request: string;
  readonly limit: string;
  readonly check: ValueCheck;
}

const MESH_NAME: Readonly<Record<SidecarMesh, string>> = { istio: 'Istio', linkerd: 'Linkerd', consul: 'Consul' };

function pairs(mesh: SidecarMesh): Pair[] {
  const a = PROXY_ANNOTATIONS[mesh];
  const out: Pair[] = [
    { what: 'CPU', request: a.cpuRequest, limit: a.cpuLimit, check: cpuQuantity },
    { what: 'memory', request: a.memoryRequest, limit: a.memoryLimit, check: memoryQuantity },
  ];
  if (mesh === 'linkerd') out.push({ what: 'ephemeral-storage', request: 'config.linkerd.io/proxy-ephemeral-storage-request', limit: 'config.linkerd.io/proxy-ephemeral-storage-limit', check: memoryQuantity });
  return out;
}

const ALL_PAIRS = (Object.keys(PROXY_ANNOTATIONS) as SidecarMesh[]).flatMap((mesh) => pairs(mesh).map((p) => ({ mesh, ...p })));

function above(a: Rational, b: Rational): boolean {
  return a.num * b.den > b.num * a.den;
}

export const proxyRequestAboveLimit: Rule = {
  code: 'MM313',
  defaultSeverity: 'error',
  appliesTo: (entry) => metadataBlocks(entry).some((b) => ALL_PAIRS.some((p) => p.request in b.annotations && p.limit in b.annotations)),
  check(ctx) {
    const out: Finding[] = [];
    for (const block of metadataBlocks(ctx.resource)) {
      // the injectors read these from the pod; Linkerd also from the namespace
      for (const p of ALL_PAIRS) {
        if (!(block.place === 'Pod' || (block.place === 'Namespace' && p.mesh === 'linkerd'))) continue;
        const request = block.annotations[p.request];
        const limit = block.annotations[p.limit];
        if (request === undefined || limit === undefined || p.check(request) || p.check(limit)) continue;
        const r = parseQuantity(request.trim());
        const l = parseQuantity(limit.trim());
        if (!r || !l || !above(r, l)) continue;
        out.push(findingAt(ctx, 'MM313', [...block.path, 'annotations', p.request],
          `The proxy's ${p.what} request \`${request}\` is above its limit \`${limit}\`: ${MESH_NAME[p.mesh]} copies both into the proxy container, and Kubernetes rejects a pod whose request exceeds its limit, so no pod is created. Lower \`${p.request}\` or raise \`${p.limit}\`.`, 'value'));
      }
    }
    return out;
  },
};
