// Value checks for the Istio annotations the sidecar injector validates
// (istio/istio pkg/kube/inject validation): each returns a reason when the value is
// rejected, else undefined.
import { parse } from 'yaml';
import { memoByText } from './textMemo';

type Check = (value: string) => string | undefined;

function isUint32(v: string): boolean {
  return /^\d+$/.test(v) && Number(v) <= 4294967295;
}

function isPort(v: string): boolean {
  return /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535;
}

function isIPv4(v: string): boolean {
  const parts = v.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIPv6(v: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(v) || !v.includes(':')) return false;
  const double = v.split('::');
  if (double.length > 2) return false;
  const groups = v.split(':').filter((g) => g !== '');
  return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g) || isIPv4(g)) && (double.length === 2 ? groups.length < 8 : groups.length === 8 || (groups.length === 7 && isIPv4(groups[6])));
}

function isCidr(v: string): boolean {
  const [ip, bits, extra] = v.split('/');
  if (extra !== undefined || bits === undefined || !/^\d+$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  return isIPv6(ip) && Number(bits) <= 128;
}

function listOf(test: (item: string) => boolean, what: string, allowStar: boolean): Check {
  return (value) => {
    const trimmed = value.trim();
    if (trimmed === '' || (allowStar && trimmed === '*')) return undefined;
    const bad = trimmed.split(',').map((s) => s.trim()).find((s) => !test(s));
    return bad === undefined ? undefined : `\`${bad}\` is not ${what}`;
  };
}

const ports = (allowStar: boolean) => listOf(isPort, 'a port number (1-65535)', allowStar);
const cidrs = (allowStar: boolean) => listOf(isCidr, 'an IP range in CIDR form (e.g. 10.0.0.0/8)', allowStar);
const uint32: Check = (v) => (isUint32(v) ? undefined : 'expected a whole number');
const bool: Check = (v) => (/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(v) ? undefined : 'expected true or false');

export const ANNOTATION_VALUE_CHECKS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['sidecar.istio.io/interceptionMode', (v) => (/^(REDIRECT|TPROXY|NONE)$/.test(v) ? undefined : 'expected REDIRECT, TPROXY or NONE')],
  ['sidecar.istio.io/enableCoreDump', bool],
  ['status.sidecar.istio.io/port', (v) => (/^\d+$/.test(v) && Number(v) <= 65535 ? undefined : 'expected a port number (0 turns the status port off)')],
  ['readiness.status.sidecar.istio.io/initialDelaySeconds', uint32],
  ['readiness.status.sidecar.istio.io/periodSeconds', uint32],
  ['readiness.status.sidecar.istio.io/failureThreshold', uint32],
  ['readiness.status.sidecar.istio.io/applicationPorts', ports(false)],
  ['traffic.sidecar.istio.io/includeOutboundIPRanges', cidrs(true)],
  ['traffic.sidecar.istio.io/excludeOutboundIPRanges', cidrs(false)],
  ['traffic.sidecar.istio.io/includeInboundPorts', ports(true)],
  ['traffic.sidecar.istio.io/excludeInboundPorts', ports(false)],
  ['traffic.sidecar.istio.io/includeOutboundPorts', ports(false)],
  ['traffic.sidecar.istio.io/excludeOutboundPorts', ports(false)],
  ['proxy.istio.io/config', memoByText((v) => {
    try {
      const parsed: unknown = parse(v, { logLevel: 'silent' });
      return parsed === null || (typeof parsed === 'object' && !Array.isArray(parsed)) ? undefined : 'expected a ProxyConfig object in YAML or JSON';
    } catch {
      return 'not valid YAML or JSON';
    }
  })],
]);
