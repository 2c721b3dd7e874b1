// Gateway API and Linkerd references: route parentRefs (→ Gateway, mesh Service, Linkerd
// Server or EgressNetwork) and their sectionName (→ the Gateway listener), backendRefs (→
// Service or whatever kind they name), Linkerd policy targetRefs and authentication refs.
import { GATEWAY_API } from '../rules/gatewayReferences';
import { backendRefs, isAnyRoute, isGatewayRef, listeners, parentRefs } from '../rules/gatewayApiRoutes';
import { AUTHENTICATION_KINDS, AUTHORIZATION_TARGETS, findLinkerdTarget, LINKERD_POLICY, LINKERD_ROUTE_PARENTS, linkerdReference, RATE_LIMIT_TARGETS } from '../rules/linkerdPolicy';
import { findReferenced } from '../rules/objectReference';
import { at, list, record, spec, text } from '../rules/plainValue';
import type { IndexedResource } from '../workspace/workspaceIndex';
import { resourceKey, type SiteCollector } from './navigationSites';

function listenerKey(gateway: IndexedResource, name: string): string {
  return `listener|${resourceKey(gateway)}|${name}`;
}

const keysOf = (found: IndexedResource | undefined): string[] => (found ? [resourceKey(found)] : []);

export const routeSites: SiteCollector = (sink) => {
  const { entry, index } = sink;
  if (entry.group === GATEWAY_API && entry.resource.kind === 'Gateway') {
    for (const l of listeners(entry)) if (l.name) sink.define(['spec', 'listeners', l.index, 'name'], [listenerKey(entry, l.name)]);
    return;
  }
  if (isAnyRoute(entry)) {
    const linkerd = entry.group === LINKERD_POLICY;
    for (const parent of parentRefs(entry)) {
      const reference = linkerd ? linkerdReference(at(entry.resource.value, ...parent.path), entry.namespace, LINKERD_ROUTE_PARENTS, { group: GATEWAY_API, kind: 'Gateway' }) : undefined;
      const target = reference ? findLinkerdTarget(index, reference) : findReferenced(index, parent);
      sink.refer([...parent.path, 'name'], keysOf(target));
      if (target && isGatewayRef(parent) && parent.sectionName) sink.refer([...parent.path, 'sectionName'], [listenerKey(target, parent.sectionName)]);
    }
    for (const backend of backendRefs(entry)) sink.refer([...backend.path, 'name'], keysOf(findReferenced(index, backend)));
    return;
  }
  if (entry.group !== LINKERD_POLICY) return;
  const kind = entry.resource.kind;
  const targets = kind === 'AuthorizationPolicy' ? AUTHORIZATION_TARGETS : kind === 'HTTPLocalRateLimitPolicy' ? RATE_LIMIT_TARGETS : undefined;
  if (targets) {
    const reference = linkerdReference(spec(entry.resource.value).targetRef, entry.namespace, targets);
    if (record(spec(entry.resource.value).targetRef)) sink.refer(['spec', 'targetRef', 'name'], keysOf(findLinkerdTarget(index, reference)));
  }
  if (kind === 'AuthorizationPolicy') {
    list(spec(entry.resource.value).requiredAuthenticationRefs).forEach((ref, i) => {
      if (!text(record(ref)?.name)) return;
      sink.refer(['spec', 'requiredAuthenticationRefs', i, 'name'], keysOf(findLinkerdTarget(index, linkerdReference(ref, entry.namespace, AUTHENTICATION_KINDS))));
    });
  }
};
