// Preview of what a Gateway API route attaches to (`parentRefs`): a Gateway with its class and
// listeners, a Service (mesh routing), or a Linkerd Server; and where it is.
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { serviceLines } from './hostPreview';
import { code, isRecord, labelsText, records, shortList, specOf } from './previewFormat';
import { locationLink, resourceTitle } from './resourceLocation';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

function listenerText(listener: Record<string, unknown>): string {
  const host = typeof listener.hostname === 'string' ? ` ${code(listener.hostname)}` : '';
  return `${code(String(listener.name ?? '?'))} ${code(`${String(listener.port ?? '?')}/${String(listener.protocol ?? '?')}`)}${host}`;
}

/** `ref` is the parentRefs item; `routeGroup` decides the defaults (Linkerd's route defaults to its own group). */
export function parentRefPreview(index: WorkspaceIndex, ref: Record<string, unknown>, routeNamespace: string, routeGroup: string): string | undefined {
  if (typeof ref.name !== 'string') return undefined;
  const kind = typeof ref.kind === 'string' ? ref.kind : 'Gateway';
  const group = typeof ref.group === 'string' ? ref.group : routeGroup === 'policy.linkerd.io' && kind !== 'Gateway' ? routeGroup : GATEWAY_GROUP;
  const namespace = typeof ref.namespace === 'string' ? ref.namespace : routeNamespace;
  const title = `${kind} ${code(`${namespace}/${ref.name}`)}`;
  if (kind === 'Service') {
    const service = index.find('Service', namespace, ref.name, '');
    return service ? [`**Parent: mesh route for a Service**`, ...serviceLines(index, service)].join('\n') : `**Parent ${title}**: not found in the workspace.`;
  }
  if (kind === 'Server') {
    const server = index.find('Server', namespace, ref.name, 'policy.linkerd.io');
    if (!server) return `**Parent ${title}**: not found in the workspace.`;
    const spec = specOf(server.resource.value);
    const selector = isRecord(spec.podSelector) ? labelsText(spec.podSelector.matchLabels) : undefined;
    return [`**Parent ${resourceTitle(server)}** — ${locationLink(index, server)}`, `- Pods: ${selector ?? '_see podSelector_'}`, `- Port: ${code(String(spec.port ?? '?'))}${typeof spec.proxyProtocol === 'string' ? ` (${spec.proxyProtocol})` : ''}`].join('\n');
  }
  const gateway = index.find(kind, namespace, ref.name, group === 'policy.linkerd.io' ? GATEWAY_GROUP : group);
  if (!gateway) return `**Parent ${title}**: not found in the workspace. Without it the route is not attached anywhere.`;
  const spec = specOf(gateway.resource.value);
  const listeners = records(spec.listeners);
  const lines = [`**Parent ${resourceTitle(gateway)}** — ${locationLink(index, gateway)}`];
  if (typeof spec.gatewayClassName === 'string') lines.push(`- Class: ${code(spec.gatewayClassName)}`);
  if (listeners.length > 0) lines.push(`- Listeners: ${shortList(listeners.map(listenerText), 3)}`);
  if (typeof ref.sectionName === 'string' && !listeners.some((l) => l.name === ref.sectionName)) {
    lines.push(`- No listener is named ${code(ref.sectionName)}.`);
  }
  return lines.join('\n');
}
