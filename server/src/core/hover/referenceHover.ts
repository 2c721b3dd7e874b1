// Values that name another resource — a subset, a host, a gateway, a route's parent, a
// backend — get a short preview of that resource from the workspace index.
import type { JsonPath } from '../parse/locator';
import { apiGroup } from '../workspace/resourceIdentity';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { CursorTarget } from './cursorTarget';
import { consulSubsetPreview } from './consulSubsetPreview';
import { gatewayPreview } from './gatewayPreview';
import { hostPreview, serviceLines } from './hostPreview';
import { parentRefPreview } from './parentRefPreview';
import { code, isRecord } from './previewFormat';
import { plainDocPath } from './schemaField';
import { subsetPreview } from './subsetPreview';

const VS_SUBSET = /^spec\.(?:(?:http|tcp|tls)\[\]\.route\[\]\.destination|http\[\]\.mirror|http\[\]\.mirrors\[\]\.destination)\.subset$/;
const VS_HOST = /^spec\.(?:hosts\[\]|(?:http|tcp|tls)\[\]\.route\[\]\.destination\.host|http\[\]\.mirror\.host|http\[\]\.mirrors\[\]\.destination\.host)$/;
const VS_GATEWAY = /^spec\.(?:gateways\[\]|(?:http|tcp|tls)\[\]\.match\[\]\.gateways\[\])$/;
const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']);

function valueAt(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && typeof segment === 'string') current = current[segment];
    else return undefined;
  }
  return current;
}

function sibling(target: CursorTarget, name: string): unknown {
  return valueAt(target.resource.value, [...target.path.slice(0, -1), name]);
}

/** The preview for a reference value, or undefined when the value is no reference we know. */
export function referencePreview(target: CursorTarget, index: WorkspaceIndex): string | undefined {
  if (target.on !== 'value' || typeof target.scalar !== 'string' || target.scalar === '') return undefined;
  const { resource } = target;
  const value = target.scalar;
  const group = apiGroup(resource.apiVersion);
  const namespace = resource.namespace ?? index.defaultNamespace;
  const path = plainDocPath(target.path);

  if (group === 'networking.istio.io' && resource.kind === 'VirtualService') {
    if (VS_SUBSET.test(path)) {
      const host = sibling(target, 'host');
      return subsetPreview(index, value, typeof host === 'string' ? host : undefined, namespace);
    }
    if (VS_HOST.test(path)) return hostPreview(index, value, namespace);
    if (VS_GATEWAY.test(path)) return gatewayPreview(index, value, namespace);
  }
  if (group === 'networking.istio.io' && resource.kind === 'DestinationRule' && path === 'spec.host') return hostPreview(index, value, namespace);

  if ((group === 'gateway.networking.k8s.io' || group === 'policy.linkerd.io') && ROUTE_KINDS.has(resource.kind)) {
    if (path === 'spec.parentRefs[].name') {
      const ref = valueAt(resource.value, target.path.slice(0, -1));
      return isRecord(ref) ? parentRefPreview(index, ref, namespace, group) : undefined;
    }
    if (/^spec\.rules\[\]\.backendRefs\[\]\.name$/.test(path)) {
      const ref = valueAt(resource.value, target.path.slice(0, -1));
      if (!isRecord(ref) || (ref.kind !== undefined && ref.kind !== 'Service')) return undefined;
      const ns = typeof ref.namespace === 'string' ? ref.namespace : namespace;
      const service = index.find('Service', ns, value, '');
      return service ? [`**Backend**`, ...serviceLines(index, service)].join('\n') : `**Backend Service ${code(`${ns}/${value}`)}**: not found in the workspace.`;
    }
  }

  if (group === 'consul.hashicorp.com' && (path === 'spec.splits[].serviceSubset' || path === 'spec.routes[].destination.serviceSubset')) {
    const service = sibling(target, 'service');
    const ns = sibling(target, 'namespace');
    return consulSubsetPreview(index, value, typeof service === 'string' ? service : (resource.name ?? ''), typeof ns === 'string' ? ns : namespace);
  }
  return undefined;
}
