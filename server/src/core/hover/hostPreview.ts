// Preview of what a host in a routing rule resolves to: the Kubernetes Service or the
// ServiceEntries that define it, with their ports and selector, and where they are.
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { resolveHost } from './hostResolution';
import { code, isRecord, labelsText, records, shortList, specOf, strings } from './previewFormat';
import { locationLink, resourceTitle } from './resourceLocation';

function portsText(value: unknown, numberKey: string, nameKey: string): string | undefined {
  const ports = records(value).map((p) => {
    const name = typeof p[nameKey] === 'string' ? `/${p[nameKey] as string}` : '';
    return code(`${String(p[numberKey] ?? '?')}${name}`);
  });
  return ports.length > 0 ? shortList(ports) : undefined;
}

export function serviceLines(index: WorkspaceIndex, service: IndexedResource): string[] {
  const spec = specOf(service.resource.value);
  const lines = [`${resourceTitle(service)} — ${locationLink(index, service)}`];
  const ports = records(spec.ports).map((p) => {
    const protocol = typeof p.appProtocol === 'string' ? p.appProtocol : typeof p.name === 'string' ? p.name : undefined;
    return code(`${String(p.port ?? '?')}${protocol ? `/${protocol}` : ''}`);
  });
  if (ports.length > 0) lines.push(`- Ports: ${shortList(ports)}`);
  const selector = labelsText(spec.selector);
  lines.push(`- Selector: ${selector ?? '_none (endpoints managed by hand)_'}`);
  return lines;
}

function serviceEntryLines(index: WorkspaceIndex, entry: IndexedResource): string[] {
  const spec = specOf(entry.resource.value);
  const lines = [`${resourceTitle(entry)} — ${locationLink(index, entry)}`];
  const hosts = strings(spec.hosts).map(code);
  if (hosts.length > 0) lines.push(`- Hosts: ${shortList(hosts)}`);
  const ports = portsText(spec.ports, 'number', 'protocol');
  if (ports) lines.push(`- Ports: ${ports}`);
  const where = [spec.location, spec.resolution].filter((v): v is string => typeof v === 'string');
  if (where.length > 0) lines.push(`- ${where.map(code).join(' · ')}`);
  const selector = isRecord(spec.workloadSelector) ? labelsText(spec.workloadSelector.labels) : undefined;
  if (selector) lines.push(`- Workloads: ${selector}`);
  return lines;
}

export function hostPreview(index: WorkspaceIndex, host: string, namespace: string): string {
  if (host === '*' || host === 'mesh') return `${code(host)} is a wildcard, not one service.`;
  const resolved = resolveHost(index, host, namespace);
  const head = resolved.fqdn === host ? `**Host ${code(host)}**` : `**Host ${code(host)}** → ${code(resolved.fqdn)} (short name, completed with namespace ${code(namespace)})`;
  const parts = [head];
  if (resolved.service) parts.push(serviceLines(index, resolved.service).join('\n'));
  for (const entry of resolved.serviceEntries.slice(0, 2)) parts.push(serviceEntryLines(index, entry).join('\n'));
  if (resolved.serviceEntries.length > 2) parts.push(`…and ${resolved.serviceEntries.length - 2} more ServiceEntries.`);
  if (!resolved.service && resolved.serviceEntries.length === 0) {
    parts.push('No Service or ServiceEntry in the workspace defines this host. That is fine for a name served only through a gateway; for a destination it means the proxies will not know where to send traffic.');
  }
  return parts.join('\n\n');
}
