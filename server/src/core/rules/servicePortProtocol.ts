// What the user sees: an info note on a Service port whose protocol Istio cannot tell from
// its name or `appProtocol` (istioctl's IST0118 PortNameIsNotUnderProtocolConvention).
// Istio reads `appProtocol` first, else the name's prefix up to the first `-` (`http`,
// `http-api`, `grpc-web`…); anything else is treated as opaque TCP, so HTTP routing,
// retries and metrics silently do not apply. UDP ports and system namespaces are skipped,
// as istioctl does.
import type { Finding } from '../finding';
import type { Rule } from './rule';

const PROTOCOLS = new Set(['http', 'http2', 'https', 'grpc', 'grpc-web', 'tcp', 'tls', 'mongo', 'mysql', 'redis', 'udp', 'http_proxy', 'h2c']);
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'istio-system', 'local-path-storage']);

function knownProtocol(text: string): boolean {
  const lower = text.toLowerCase();
  // Kubernetes-style appProtocol values such as `kubernetes.io/h2c`
  const bare = lower.startsWith('kubernetes.io/') ? lower.slice('kubernetes.io/'.length) : lower;
  return PROTOCOLS.has(bare);
}

function protocolFromName(name: string): boolean {
  const lower = name.toLowerCase();
  if (knownProtocol(lower)) return true;
  if (lower.startsWith('grpc-web')) return true;
  const dash = lower.indexOf('-');
  return dash > 0 && knownProtocol(lower.slice(0, dash));
}

export const servicePortProtocol: Rule = {
  code: 'IST0118',
  defaultSeverity: 'info',
  appliesTo: (r) => r.resource.kind === 'Service' && r.group === '' && !SYSTEM_NAMESPACES.has(r.namespace),
  check({ resource, locator }) {
    const spec = resource.resource.value.spec as { ports?: unknown; type?: unknown } | undefined;
    if (!spec || spec.type === 'ExternalName' || !Array.isArray(spec.ports)) return [];
    const findings: Finding[] = [];
    spec.ports.forEach((port: unknown, i: number) => {
      if (typeof port !== 'object' || port === null) return;
      const p = port as { name?: unknown; protocol?: unknown; appProtocol?: unknown; port?: unknown };
      if (p.protocol === 'UDP' || p.protocol === 'SCTP') return;
      if (typeof p.appProtocol === 'string' && knownProtocol(p.appProtocol)) return;
      if (typeof p.name === 'string' && protocolFromName(p.name)) return;
      const span = locator.key(['spec', 'ports', i, typeof p.name === 'string' ? 'name' : 'port']) ?? locator.value(['spec', 'ports', i]);
      if (!span) return;
      const shown = typeof p.name === 'string' ? `is named \`${p.name}\`` : 'has no name';
      findings.push({
        code: 'IST0118',
        message: `Port ${String(p.port ?? '?')} ${shown}, so Istio cannot tell its protocol and treats it as plain TCP (no HTTP routing, retries or request metrics). Name it \`<protocol>[-suffix]\` (e.g. \`http-api\`, \`grpc\`) or set \`appProtocol\`.`,
        ...span,
      });
    });
    return findings;
  },
};
