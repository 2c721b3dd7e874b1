// Optional (mumbaiMesh.cost.inlayHints): after each proxy resource annotation of a meshed
// workload, what that line costs per month over all replicas, e.g.
//   sidecar.istio.io/proxyCPU: 50m  ₹182.50/month
// A request line shows the report's CPU or memory money of that proxy; a limit line shows it
// only where the limit stands in for a missing request (Kubernetes' rule), else "not priced".
import type { InlayHint } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../analyzeFile';
import { createLocator } from '../parse/locator';
import type { CostReport } from './costReport';
import { moneyExact, replicasLabel, workloadMeshLabel } from './costDisplay';
import { workloadsInFile } from './fileWorkloads';
import { podTemplateOf, workloadKind } from './podTemplate';
import { fieldWords, PROXY_ANNOTATIONS, type SidecarMesh } from './proxyResources';

export interface CostInlayOptions {
  readonly fileKey?: string;
  /** Only hints whose position lies in [start, end] (absolute offsets). */
  readonly start?: number;
  readonly end?: number;
}

type Field = 'cpuRequest' | 'memoryRequest' | 'cpuLimit' | 'memoryLimit';
const FIELDS: readonly Field[] = ['cpuRequest', 'memoryRequest', 'cpuLimit', 'memoryLimit'];

export function costInlayHints(report: CostReport, file: AnalyzedFile, options: CostInlayOptions = {}): InlayHint[] {
  const { currency, profile } = report.prices;
  const hints: InlayHint[] = [];
  for (const placed of workloadsInFile(report, file, options.fileKey)) {
    const w = placed.workload;
    const kind = workloadKind(placed.resource);
    // Ambient workloads have no sidecar; an istio-proxy container overrides the annotations.
    if (!kind || !w.proxy || w.fromContainer || w.mesh === 'istio-ambient') continue;
    const mesh: SidecarMesh = w.mesh;
    const template = podTemplateOf(placed.resource, kind);
    const locator = createLocator(placed.resource.node, placed.documentOffset);
    const names = PROXY_ANNOTATIONS[mesh];
    for (const field of FIELDS) {
      if (template.annotations[names[field]] === undefined) continue;
      const span = locator.value([...template.annotationsPath, names[field]]);
      if (!span) continue;
      if ((options.start !== undefined && span.end < options.start) || (options.end !== undefined && span.end > options.end)) continue;
      const resource = field.startsWith('cpu') ? 'cpu' : 'memory';
      const requestField: Field = resource === 'cpu' ? 'cpuRequest' : 'memoryRequest';
      const request = resource === 'cpu' ? w.proxy.requests.cpuMillicores : w.proxy.requests.memoryBytes;
      const limit = resource === 'cpu' ? w.proxy.limits.cpuMillicores : w.proxy.limits.memoryBytes;
      const priced = field === requestField || (template.annotations[names[requestField]] === undefined && request !== undefined && request === limit);
      const amount = w.money[resource];
      const label = priced ? `${moneyExact(amount, currency)}/month` : 'not priced';
      const usageWins = w.proxy.usage !== undefined && (resource === 'cpu' ? w.proxy.priced.cpuMillicores > (request ?? 0) : w.proxy.priced.memoryBytes > (request ?? 0));
      const tooltip = priced
        ? `${resource === 'cpu' ? 'CPU' : 'Memory'} of the ${workloadMeshLabel(w)} proxies ×${replicasLabel(w.replicas)}: ${moneyExact(amount, currency)}/month (${profile})` +
          (usageWins ? ', priced at the usage estimate, which is above the request.' : '.')
        : `A ${fieldWords(field)} is not priced: the scheduler reserves the request.`;
      hints.push({ position: file.lineIndex.positionAt(span.end), label, paddingLeft: true, tooltip });
    }
  }
  return hints;
}
