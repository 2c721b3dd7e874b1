// Which values refer to other resources, by kind and path, and where their candidates come
// from. Patterns: `[]` is any list index, `*` any key, `{a,b}` either key.
import type { JsonPath } from '../parse/locator';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import {
  consulServices, consulSubsets, gateways, hosts, linkerdServers, namespaces, principals, subsetNames, valueAt, type Reference,
} from './meshReferences';

export interface ReferenceContext {
  readonly index: WorkspaceIndex;
  /** The namespace of the resource being edited. */
  readonly namespace: string;
  /** The resource's plain value. */
  readonly root: unknown;
  /** The object holding the value (its siblings). */
  readonly holder: unknown;
}

interface Site {
  readonly group?: string;
  readonly kinds?: readonly string[];
  readonly patterns: readonly string[];
  values(ctx: ReferenceContext): Reference[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const sibling = (ctx: ReferenceContext, key: string) => str(valueAt(ctx.holder, key));
const ISTIO_NET = 'networking.istio.io';
const CONSUL = 'consul.hashicorp.com';
const ROUTES = '{http,tcp,tls}[].route[].destination';

function ownConsulSubsets(ctx: ReferenceContext, service: string): Reference[] {
  const fromIndex = consulSubsets(ctx.index, service);
  const own = valueAt(ctx.root, 'spec', 'subsets');
  const name = str(valueAt(ctx.root, 'metadata', 'name'));
  if (name !== service || typeof own !== 'object' || own === null || Array.isArray(own)) return fromIndex;
  const extra = Object.keys(own).filter((k) => !fromIndex.some((r) => r.value === k)).map((value) => ({ value, detail: 'subset of this ServiceResolver' }));
  return [...fromIndex, ...extra];
}

function consulService(ctx: ReferenceContext): string {
  return sibling(ctx, 'service') || str(valueAt(ctx.root, 'metadata', 'name'));
}

const SITES: readonly Site[] = [
  { patterns: ['metadata.namespace'], values: (ctx) => namespaces(ctx.index) },
  {
    group: ISTIO_NET, kinds: ['VirtualService'],
    patterns: [`spec.${ROUTES}.subset`, 'spec.http[].mirror.subset', 'spec.http[].mirrors[].destination.subset'],
    values: (ctx) => subsetNames(ctx.index, ctx.namespace, sibling(ctx, 'host')),
  },
  {
    group: ISTIO_NET, kinds: ['VirtualService'],
    patterns: [`spec.${ROUTES}.host`, 'spec.http[].mirror.host', 'spec.http[].mirrors[].destination.host', 'spec.hosts[]'],
    values: (ctx) => hosts(ctx.index, ctx.namespace),
  },
  {
    group: ISTIO_NET, kinds: ['VirtualService'],
    patterns: ['spec.gateways[]', 'spec.{http,tcp,tls}[].match[].gateways[]'],
    values: (ctx) => gateways(ctx.index, ctx.namespace),
  },
  { group: ISTIO_NET, kinds: ['DestinationRule'], patterns: ['spec.host'], values: (ctx) => hosts(ctx.index, ctx.namespace) },
  {
    group: ISTIO_NET, kinds: ['Sidecar'], patterns: ['spec.egress[].hosts[]'],
    values: (ctx) => [{ value: './*', detail: 'every host in this namespace' }, ...namespaces(ctx.index).map((n) => ({ value: `${n.value}/*`, detail: `every host in namespace ${n.value}` }))],
  },
  {
    group: 'security.istio.io', kinds: ['AuthorizationPolicy'],
    patterns: ['spec.rules[].from[].source.{principals,notPrincipals}[]'],
    values: (ctx) => principals(ctx.index),
  },
  {
    group: 'security.istio.io', kinds: ['AuthorizationPolicy'],
    patterns: ['spec.rules[].from[].source.{namespaces,notNamespaces}[]'],
    values: (ctx) => namespaces(ctx.index),
  },
  {
    group: 'policy.linkerd.io', kinds: ['AuthorizationPolicy'], patterns: ['spec.targetRef.name'],
    values: (ctx) => (['', 'Server'].includes(sibling(ctx, 'kind')) ? linkerdServers(ctx.index, ctx.namespace) : []),
  },
  { group: 'policy.linkerd.io', kinds: ['ServerAuthorization'], patterns: ['spec.server.name'], values: (ctx) => linkerdServers(ctx.index, ctx.namespace) },
  {
    kinds: ['HTTPRoute', 'GRPCRoute'], patterns: ['spec.parentRefs[].name'],
    values: (ctx) => (sibling(ctx, 'kind') === 'Server' ? linkerdServers(ctx.index, ctx.namespace) : []),
  },
  {
    group: CONSUL, kinds: ['ServiceSplitter', 'ServiceRouter', 'ServiceResolver'],
    patterns: ['spec.splits[].service', 'spec.routes[].destination.service', 'spec.redirect.service', 'spec.failover.*.service'],
    values: (ctx) => consulServices(ctx.index),
  },
  {
    group: CONSUL, kinds: ['ServiceSplitter', 'ServiceRouter', 'ServiceResolver'],
    patterns: ['spec.splits[].serviceSubset', 'spec.routes[].destination.serviceSubset', 'spec.redirect.serviceSubset', 'spec.failover.*.serviceSubset'],
    values: (ctx) => ownConsulSubsets(ctx, consulService(ctx)),
  },
  {
    group: CONSUL, kinds: ['ServiceResolver'], patterns: ['spec.defaultSubset'],
    values: (ctx) => ownConsulSubsets(ctx, str(valueAt(ctx.root, 'metadata', 'name'))),
  },
  {
    group: CONSUL, kinds: ['ServiceIntentions'], patterns: ['spec.destination.name', 'spec.sources[].name'],
    values: (ctx) => consulServices(ctx.index),
  },
];

function segmentMatches(pattern: string, segment: string | number): boolean {
  if (pattern === '[]') return typeof segment === 'number';
  if (typeof segment === 'number') return false;
  if (pattern === '*') return true;
  if (pattern.startsWith('{')) return pattern.slice(1, -1).split(',').includes(segment);
  return pattern === segment;
}

/** `spec.http[].route` → ['spec', 'http', '[]', 'route'] */
function parsePattern(pattern: string): string[] {
  return pattern.replace(/\[\]/g, '.[]').split('.').filter(Boolean);
}

export function matchesPath(pattern: string, path: JsonPath): boolean {
  const parts = parsePattern(pattern);
  return parts.length === path.length && parts.every((p, i) => segmentMatches(p, path[i]));
}

/** Candidate values for the value at `path` of a resource of `group`/`kind`. */
export function referenceValues(group: string, kind: string, path: JsonPath, ctx: ReferenceContext): Reference[] {
  const out: Reference[] = [];
  for (const site of SITES) {
    if (site.group !== undefined && site.group !== group) continue;
    if (site.kinds && !site.kinds.includes(kind)) continue;
    if (site.patterns.some((p) => matchesPath(p, path))) out.push(...site.values(ctx));
  }
  return out;
}
