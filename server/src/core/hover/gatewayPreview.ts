// Preview of an Istio Gateway named in a VirtualService's `gateways`: its selector and
// listeners, and where it is. `mesh` is the reserved name for all sidecars.
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { code, isRecord, labelsText, records, shortList, specOf, strings } from './previewFormat';
import { locationLink, resourceTitle } from './resourceLocation';

function serverText(server: Record<string, unknown>): string {
  const port = isRecord(server.port) ? server.port : {};
  const hosts = strings(server.hosts);
  const tls = isRecord(server.tls) ? server.tls : undefined;
  const tlsText = tls && typeof tls.mode === 'string' ? ` TLS ${tls.mode}${typeof tls.credentialName === 'string' ? ` (${code(tls.credentialName)})` : ''}` : '';
  return `${code(`${String(port.number ?? '?')}/${String(port.protocol ?? '?')}`)} ${hosts.length > 0 ? shortList(hosts.map(code), 3) : '_no hosts_'}${tlsText}`;
}

export function gatewayPreview(index: WorkspaceIndex, reference: string, namespace: string): string {
  if (reference === 'mesh') return '**`mesh`** is the reserved name for every sidecar in the mesh, not a Gateway resource. Listing it keeps the rules active for in-mesh callers.';
  const slash = reference.indexOf('/');
  const ns = slash === -1 ? namespace : reference.slice(0, slash);
  const name = slash === -1 ? reference : reference.slice(slash + 1);
  const gateway = index.find('Gateway', ns, name, 'networking.istio.io');
  if (!gateway) return `**Gateway ${code(`${ns}/${name}`)}**: not found in the workspace. A short name refers to a Gateway in this resource's namespace; use \`namespace/name\` for another.`;
  const spec = specOf(gateway.resource.value);
  const servers = records(spec.servers);
  const lines = [`**${resourceTitle(gateway)}** — ${locationLink(index, gateway)}`, `- Selector: ${labelsText(spec.selector) ?? '_none_'}`];
  for (const server of servers.slice(0, 4)) lines.push(`- Server: ${serverText(server)}`);
  if (servers.length > 4) lines.push(`- …and ${servers.length - 4} more servers`);
  return lines.join('\n');
}
