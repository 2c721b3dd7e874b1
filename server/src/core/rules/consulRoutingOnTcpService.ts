// MM462 on a Consul ServiceRouter or ServiceSplitter for a service whose protocol, as the
// workspace's ServiceDefaults or ProxyDefaults `global` set it, is not HTTP-based (http,
// http2, grpc). Consul refuses L7 routing and splitting for such services ("uses a
// protocol … that does not permit advanced routing or splitting behavior"), so consul-k8s
// reports the entry Synced=False. When nothing in the workspace sets the protocol, MM463
// reports the tcp default instead, as a warning: it may be set outside the workspace.
import { findingAt } from './istioRule';
import { CONSUL, HTTP_PROTOCOLS, serviceProtocol } from './consulConfigEntries';
import type { Rule } from './rule';

export const ROUTING_KINDS: ReadonlySet<string> = new Set(['ServiceRouter', 'ServiceSplitter']);

export const consulRoutingOnTcpService: Rule = {
  code: 'MM462',
  defaultSeverity: 'error',
  appliesTo: (r) => r.group === CONSUL && ROUTING_KINDS.has(r.resource.kind),
  check(ctx) {
    const service = ctx.resource.resource.name ?? '';
    const { protocol, source } = serviceProtocol(ctx.index, service, ctx.resource.namespace);
    if (!source || HTTP_PROTOCOLS.has(protocol)) return [];
    const where = source.resource.kind === 'ServiceDefaults' ? `its ServiceDefaults sets \`protocol: ${protocol}\`` : `ProxyDefaults \`global\` sets \`config.protocol: ${protocol}\` and no ServiceDefaults for it sets another`;
    return [findingAt(ctx, 'MM462', ['metadata', 'name'], `Consul refuses this ${ctx.resource.resource.kind}: service \`${service}\` speaks ${protocol} (${where}), and routing and splitting need http, http2 or grpc. Set the protocol in the ServiceDefaults for \`${service}\` to one of those, or remove this entry.`, 'value')];
  },
};
