// Gateway API routes (gateway.networking.k8s.io HTTPRoute, GRPCRoute, TCPRoute, TLSRoute,
// UDPRoute; Linkerd's policy.linkerd.io HTTPRoute has the same shape): their parentRefs and
// backendRefs with the paths to them, the defaults the spec gives missing fields, and what
// a Gateway's listeners and the ReferenceGrants of a namespace allow.
import type { JsonPath } from '../parse/locator';
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { GATEWAY_API } from './gatewayReferences';
import { LINKERD_POLICY } from './linkerdPolicy';
import { coreGroup, findReferenced, readReference, type ObjectReference } from './objectReference';
import { at, list, record, spec, stringMap, text, type Plain } from './plainValue';
import { parseSetBasedSelector, setBasedSelectorMatches } from './setBasedSelector';

export const ROUTE_KINDS: ReadonlySet<string> = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']);
/** Route kinds whose backendRefs carry HTTP-style weights with the "all zero means 500" rule. */
export const WEIGHTED_ROUTE_KINDS: ReadonlySet<string> = new Set(['HTTPRoute', 'GRPCRoute']);

export function isGatewayApiRoute(r: IndexedResource): boolean {
  return r.group === GATEWAY_API && ROUTE_KINDS.has(r.resource.kind);
}

/** Gateway API routes and Linkerd's HTTPRoute, which shares their parentRefs/backendRefs. */
export function isAnyRoute(r: IndexedResource): boolean {
  return isGatewayApiRoute(r) || (r.group === LINKERD_POLICY && r.resource.kind === 'HTTPRoute');
}

export interface ParentReference extends ObjectReference {
  readonly path: JsonPath;
  readonly sectionName: string;
  readonly port: number | undefined;
}

export function parentRefs(route: IndexedResource): ParentReference[] {
  return list(spec(route.resource.value).parentRefs).flatMap((value, i) => {
    const r = record(value);
    if (!r) return [];
    const ref = readReference(r, { group: GATEWAY_API, kind: 'Gateway' }, route.namespace);
    const port = typeof r.port === 'number' ? r.port : undefined;
    return [{ ...ref, path: ['spec', 'parentRefs', i], sectionName: text(r.sectionName), port }];
  });
}

export interface BackendReference extends ObjectReference {
  readonly path: JsonPath;
  readonly rule: number;
  readonly port: number | undefined;
  /** The weight, 1 when not given (the spec's default). */
  readonly weight: number;
  /** A requestMirror target, not a weighted backend. */
  readonly mirror: boolean;
}

function backendOf(value: unknown, path: JsonPath, rule: number, mirror: boolean, namespace: string): BackendReference | undefined {
  const r = record(value);
  if (!r) return undefined;
  const ref = readReference(r, { group: '', kind: 'Service' }, namespace);
  const weight = r.weight === undefined || r.weight === null ? 1 : Number(r.weight);
  return { ...ref, path, rule, port: typeof r.port === 'number' ? r.port : undefined, weight: Number.isFinite(weight) ? weight : 1, mirror };
}

function mirrors(filters: unknown, path: JsonPath, rule: number, namespace: string): BackendReference[] {
  return list(filters).flatMap((f, k) => {
    const b = backendOf(record(record(f)?.requestMirror)?.backendRef, [...path, k, 'requestMirror', 'backendRef'], rule, true, namespace);
    return b ? [b] : [];
  });
}

/** Every backendRef of the route: rule backends, then mirror targets of rule and backend filters. */
export function backendRefs(route: IndexedResource): BackendReference[] {
  const out: BackendReference[] = [];
  list(spec(route.resource.value).rules).forEach((rule, i) => {
    const r = record(rule);
    if (!r) return;
    list(r.backendRefs).forEach((b, j) => {
      const backend = backendOf(b, ['spec', 'rules', i, 'backendRefs', j], i, false, route.namespace);
      if (backend) out.push(backend);
      out.push(...mirrors(record(b)?.filters, ['spec', 'rules', i, 'backendRefs', j, 'filters'], i, route.namespace));
    });
    out.push(...mirrors(r.filters, ['spec', 'rules', i, 'filters'], i, route.namespace));
  });
  return out;
}

export function isServiceRef(ref: ObjectReference): boolean {
  return coreGroup(ref.group) === '' && ref.kind === 'Service';
}

export function isGatewayRef(ref: ObjectReference): boolean {
  return ref.group === GATEWAY_API && ref.kind === 'Gateway';
}

export interface Listener {
  readonly index: number;
  readonly name: string;
  readonly port: number;
  readonly allowedRoutes: Plain;
}

export function listeners(gateway: IndexedResource): Listener[] {
  return list(spec(gateway.resource.value).listeners).flatMap((l, index) => {
    const r = record(l);
    return r ? [{ index, name: text(r.name), port: Number(r.port) || 0, allowedRoutes: record(r.allowedRoutes) ?? {} }] : [];
  });
}

/** Listeners a parentRef selects by sectionName and port (all when it gives neither). */
export function selectedListeners(gateway: IndexedResource, parent: ParentReference): Listener[] {
  return listeners(gateway).filter((l) => (!parent.sectionName || l.name === parent.sectionName) && (parent.port === undefined || l.port === parent.port));
}

/**
 * Whether a listener accepts routes from `routeNamespace` (allowedRoutes.namespaces.from:
 * Same by default, All, or Selector over the namespace's labels). A selector is only
 * judged when the workspace has the Namespace object; otherwise the route is given the
 * benefit of the doubt.
 */
export function listenerAllows(index: WorkspaceIndex, gateway: IndexedResource, listener: Listener, routeNamespace: string): boolean {
  const namespaces = record(listener.allowedRoutes.namespaces) ?? {};
  const from = text(namespaces.from) || 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return routeNamespace === gateway.namespace;
  if (from !== 'Selector') return true;
  const ns = findReferenced(index, { group: '', kind: 'Namespace', name: routeNamespace, namespace: '', explicitNamespace: false });
  if (!ns) return true;
  const labels = { ...stringMap(at(ns.resource.value, 'metadata', 'labels')), 'kubernetes.io/metadata.name': routeNamespace };
  return setBasedSelectorMatches(parseSetBasedSelector(namespaces.selector), labels);
}

interface Grant {
  readonly from: readonly { group: string; kind: string; namespace: string }[];
  readonly to: readonly { group: string; kind: string; name: string }[];
}

function grantsByNamespace(index: WorkspaceIndex): ReadonlyMap<string, readonly Grant[]> {
  return derivedData(index, 'gatewayApi.referenceGrants', (ix) => {
    const map = new Map<string, Grant[]>();
    for (const entry of ix.ofKind('ReferenceGrant', GATEWAY_API)) {
      const s = spec(entry.resource.value);
      const from = list(s.from).map(record).filter((r) => r !== undefined).map((r) => ({ group: coreGroup(text(r!.group)), kind: text(r!.kind), namespace: text(r!.namespace) }));
      const to = list(s.to).map(record).filter((r) => r !== undefined).map((r) => ({ group: coreGroup(text(r!.group)), kind: text(r!.kind), name: text(r!.name) }));
      map.set(entry.namespace, [...(map.get(entry.namespace) ?? []), { from, to }]);
    }
    return map;
  });
}

/** Whether a ReferenceGrant in the target's namespace lets `route` refer to `target`. */
export function referenceGranted(index: WorkspaceIndex, route: IndexedResource, target: ObjectReference): boolean {
  const grants = grantsByNamespace(index).get(target.namespace) ?? [];
  return grants.some(
    (g) =>
      g.from.some((f) => f.group === route.group && f.kind === route.resource.kind && f.namespace === route.namespace) &&
      g.to.some((t) => t.group === coreGroup(target.group) && t.kind === target.kind && (!t.name || t.name === target.name)),
  );
}

/** The Gateway or Service a parentRef names, when it is one of those and exists. */
export function findParent(index: WorkspaceIndex, parent: ParentReference): IndexedResource | undefined {
  return isGatewayRef(parent) || isServiceRef(parent) ? findReferenced(index, parent) : undefined;
}
