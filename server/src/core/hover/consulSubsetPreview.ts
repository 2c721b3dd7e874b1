// Preview of a Consul service subset named by a ServiceSplitter or ServiceRouter: the
// ServiceResolver of that service (named like the service) and the subset's filter.
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { code, isRecord, shortList, specOf } from './previewFormat';
import { locationLink, resourceTitle } from './resourceLocation';

export function consulSubsetPreview(index: WorkspaceIndex, subset: string, service: string, namespace: string): string {
  const resolver = index.find('ServiceResolver', namespace, service, 'consul.hashicorp.com');
  if (!resolver) return `**Subset ${code(subset)}**: no ServiceResolver named ${code(service)} in the workspace defines subsets for service ${code(service)}.`;
  const subsets = specOf(resolver.resource.value).subsets;
  const found = isRecord(subsets) ? subsets[subset] : undefined;
  if (!isRecord(found)) {
    const known = isRecord(subsets) ? Object.keys(subsets) : [];
    return `**Subset ${code(subset)}** is not defined in ${resourceTitle(resolver)} (${locationLink(index, resolver)}); it has ${known.length > 0 ? `subsets ${shortList(known.map(code))}` : 'no subsets'}.`;
  }
  const lines = [`**Subset ${code(subset)}** of ${resourceTitle(resolver)} — ${locationLink(index, resolver, ['spec', 'subsets', subset])}`];
  lines.push(`- Filter: ${typeof found.filter === 'string' ? code(found.filter) : '_none (all instances)_'}`);
  if (found.onlyPassing === true) lines.push('- Only instances with passing health checks');
  return lines.join('\n');
}
