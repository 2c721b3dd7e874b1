// MM463 on a Consul ServiceRouter or ServiceSplitter for a service whose protocol nothing
// in the workspace sets: no ServiceDefaults for it has a `protocol` and no ProxyDefaults
// `global` has `config.protocol`. Consul then uses tcp and refuses the entry, as for MM462;
// this is a warning rather than an error because the protocol may be set outside the
// workspace (another repository, the Consul CLI or Helm values).
import { findingAt } from './istioRule';
import { CONSUL, serviceProtocol } from './consulConfigEntries';
import { ROUTING_KINDS } from './consulRoutingOnTcpService';
import type { Rule } from './rule';

export const consulRoutingOnDefaultProtocol: Rule = {
  code: 'MM463',
  defaultSeverity: 'warning',
  appliesTo: (r) => r.group === CONSUL && ROUTING_KINDS.has(r.resource.kind),
  check(ctx) {
    const service = ctx.resource.resource.name ?? '';
    if (serviceProtocol(ctx.index, service, ctx.resource.namespace).source) return [];
    const noEntries = ctx.index.ofKind('ServiceDefaults', CONSUL).length === 0 && ctx.index.ofKind('ProxyDefaults', CONSUL).length === 0;
    const why = noEntries
      ? 'The workspace has no ServiceDefaults or ProxyDefaults, so'
      : `No ServiceDefaults for \`${service}\` sets a protocol and no ProxyDefaults \`global\` sets \`config.protocol\`, so`;
    return [findingAt(ctx, 'MM463', ['metadata', 'name'], `${why} service \`${service}\` gets Consul's default protocol, tcp, and Consul refuses a ${ctx.resource.resource.kind} for a tcp service. Add a ServiceDefaults \`${service}\` with \`protocol: http\` (or http2, grpc), unless it is set outside this workspace.`, 'value')];
  },
};
