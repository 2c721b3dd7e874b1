// Value syntaxes of the Linkerd, Consul and Mumbai Mesh annotations, as the components
// that read them parse the text: Go's strconv.ParseBool and time.ParseDuration (Linkerd's
// proxy injector, consul-k8s), Kubernetes quantities (both injectors copy them into the
// proxy's resources, where the API server parses them), and the Rust policy controller's
// `<integer><unit>` durations for Linkerd's retry, timeout and failure-accrual annotations.
// A check returns why a value is rejected and, when the intent is plain, the value meant.
import { parseQuantity } from '../cost/quantity';
import { isGoDuration } from '../schema/goDuration';
import { suggestQuantity } from '../schema/quantity';
import { isCidr } from './ipAddress';
import { portNameProblem } from './kubernetesNames';

export interface ValueProblem {
  readonly reason: string;
  /** The value the user most likely meant (offered as a quick fix). */
  readonly suggestion?: string;
}

export type ValueCheck = (value: string) => ValueProblem | undefined;

const tick = (s: string) => `\`${s}\``;

const TRUTHY = /^(yes|y|on|enabled|enable)$/i;
const FALSY = /^(no|n|off|disabled|disable)$/i;

/** strconv.ParseBool, which both consul-k8s and Linkerd's injector use. */
export const bool: ValueCheck = (v) => {
  if (/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(v)) return undefined;
  const suggestion = TRUTHY.test(v.trim()) ? 'true' : FALSY.test(v.trim()) ? 'false' : undefined;
  return { reason: `expected \`true\` or \`false\`, got ${tick(v)}`, suggestion };
};

export function oneOf(values: readonly string[], near: Readonly<Record<string, string>> = {}): ValueCheck {
  return (v) => {
    if (values.includes(v)) return undefined;
    const exactCase = values.find((x) => x.toLowerCase() === v.toLowerCase());
    const suggestion = exactCase ?? near[v.toLowerCase()];
    const list = values.map(tick);
    const allowed = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0];
    return { reason: `expected ${allowed}, got ${tick(v)}`, suggestion };
  };
}

export const nonNegativeInteger: ValueCheck = (v) => (/^\d+$/.test(v.trim()) ? undefined : { reason: `expected a whole number, got ${tick(v)}` });

export const decimal: ValueCheck = (v) => (/^\s*\d+(\.\d+)?\s*$/.test(v) ? undefined : { reason: `expected a number such as \`250\` or \`0.5\`, got ${tick(v)}` });

export const port: ValueCheck = (v) => (isPort(v.trim()) ? undefined : { reason: `expected a port number (1-65535), got ${tick(v)}` });

function isPort(v: string): boolean {
  return /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535;
}

/** A port number or the name of a container port (consul-k8s resolves names from the pod). */
export const portOrName: ValueCheck = (v) => {
  const t = v.trim();
  if (isPort(t)) return undefined;
  const problem = portNameProblem(t);
  return problem ? { reason: `expected a port number or a container port name, got ${tick(v)}` } : undefined;
};

export const path: ValueCheck = (v) => (v.startsWith('/') ? undefined : { reason: `expected a URL path starting with \`/\`, got ${tick(v)}`, suggestion: `/${v}` });

function items(v: string): string[] {
  return v.split(',').map((s) => s.trim());
}

/** Comma-separated items, each checked by `item`; an empty item is a stray comma. */
function listOf(item: (s: string) => boolean, what: string): ValueCheck {
  return (v) => {
    if (v.trim() === '') return undefined;
    const bad = items(v).find((s) => s === '' || !item(s));
    return bad === undefined ? undefined : { reason: bad === '' ? 'an item of the list is empty (two commas in a row, or a trailing comma)' : `${tick(bad)} is not ${what}` };
  };
}

function isPortOrRange(s: string): boolean {
  const m = /^(\d+)-(\d+)$/.exec(s);
  if (m) return isPort(m[1]) && isPort(m[2]) && Number(m[1]) <= Number(m[2]);
  return isPort(s);
}

/** Linkerd port lists: numbers and `a-b` ranges (util.ParsePorts / ParseContainerOpaquePorts). */
export const linkerdPorts = listOf(isPortOrRange, 'a port number or a range such as `4000-4100`');
/** Opaque ports on a pod may also name a container port. */
export const linkerdOpaquePorts = listOf((s) => isPortOrRange(s) || portNameProblem(s) === undefined, 'a port number, a range such as `4000-4100`, or a container port name');
export const ports = listOf(isPort, 'a port number (1-65535)');
export const cidrs = listOf(isCidr, 'an IP range in CIDR form such as `10.0.0.0/8`');
export const wholeNumbers = listOf((s) => /^\d+$/.test(s), 'a whole number');

/** Go's time.ParseDuration: `100ms`, `1m30s`, `1.5h`. */
export const goDuration: ValueCheck = (v) => {
  if (isGoDuration(v.trim())) return undefined;
  const bare = /^\s*\d+\s*$/.test(v);
  return { reason: bare ? `${tick(v)} has no unit; write it as a duration such as \`${v.trim()}s\` or \`${v.trim()}ms\`` : `expected a duration such as \`500ms\`, \`10s\` or \`1m30s\`, got ${tick(v)}` };
};

/** The Linkerd policy controller's durations: a whole number and one unit (ms, s, m, h, d), or 0. */
export const linkerdDuration: ValueCheck = (v) => {
  const t = v.trim();
  if (/^\d+(ms|s|m|h|d)$/.test(t) || t === '0') return undefined;
  const bare = /^\d+$/.test(t);
  return { reason: bare ? `${tick(v)} has no unit; Linkerd wants a whole number and one unit, such as \`${t}s\`` : `expected a whole number and one unit (ms, s, m, h or d), such as \`500ms\` or \`10s\`; got ${tick(v)}` };
};

/** A quantity for CPU: `100m`, `0.5`, `2`. A binary suffix means bytes, so it is a slip. */
export const cpuQuantity: ValueCheck = (v) => {
  const t = v.trim();
  if (parseQuantity(t) === undefined) return { reason: `expected a CPU quantity such as \`100m\` or \`0.5\`, got ${tick(v)}`, suggestion: suggestQuantity(t) };
  const binary = /^([\d.]+)(Ki|Mi|Gi|Ti|Pi|Ei)$/.exec(t);
  if (binary) return { reason: `${tick(v)} is a memory size; CPU is counted in cores or millicores (\`${binary[1]}m\` is ${binary[1]} millicores)` };
  return undefined;
};

/** A quantity for memory or storage: `128Mi`, `1Gi`. A lowercase `m` means thousandths of a byte. */
export const memoryQuantity: ValueCheck = (v) => {
  const t = v.trim();
  if (parseQuantity(t) === undefined) return { reason: `expected a memory quantity such as \`128Mi\` or \`1Gi\`, got ${tick(v)}`, suggestion: suggestQuantity(t) };
  const milli = /^([\d.]+)m$/.exec(t);
  if (milli) return { reason: `${tick(v)} means ${milli[1]} thousandths of a byte (\`m\` is milli); memory is written in \`Mi\` or \`Gi\``, suggestion: `${milli[1]}Mi` };
  return undefined;
};

/** Linkerd's `retry.linkerd.io/http`: `5xx`, `gateway-error`, a status code or a range of codes. */
export const httpRetryConditions: ValueCheck = (v) => {
  const code = (s: string) => /^\d+$/.test(s) && Number(s) >= 100 && Number(s) < 600;
  const bad = v.split(',').find((c) => {
    if (/^(5xx|gateway-error)$/i.test(c) || code(c)) return false;
    const [a, b, extra] = c.split('-');
    return !(extra === undefined && b !== undefined && code(a) && code(b) && Number(a) <= Number(b));
  });
  return bad === undefined ? undefined : { reason: `${tick(bad)} is not a retry condition: use \`5xx\`, \`gateway-error\`, a status code such as \`503\` or a range such as \`500-504\`, comma-separated without spaces` };
};

const GRPC_RETRY = ['cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable'];

export const grpcRetryConditions: ValueCheck = (v) => {
  const bad = v.split(',').find((c) => !GRPC_RETRY.includes(c.toLowerCase()));
  return bad === undefined ? undefined : { reason: `${tick(bad)} is not a gRPC retry condition: use ${GRPC_RETRY.map(tick).join(', ')}, comma-separated without spaces` };
};

/**
 * consul-k8s `connect-service-upstreams`: `service:port[:datacenter]`, the labelled form
 * `service.svc[.ns.ns][.partition.ap|.peer.peer|.dc.dc]:port`, or
 * `prepared_query:name:port`; items separated by commas.
 */
export const consulUpstreams: ValueCheck = (v) => {
  if (v.trim() === '') return undefined;
  for (const raw of items(v)) {
    if (raw === '') return { reason: 'an upstream in the list is empty (two commas in a row, or a trailing comma)' };
    const parts = raw.split(':');
    const query = parts[0] === 'prepared_query';
    const portPart = query ? parts[2] : parts[1];
    if (parts.length < 2 || parts.length > 3 || (query && parts.length !== 3)) {
      return { reason: `${tick(raw)} is not an upstream: write \`<service>:<local port>\` (for example \`ledger:9091\`), with an optional \`:<datacenter>\`` };
    }
    if (parts[0].trim() === '' || /\s/.test(parts[0])) return { reason: `${tick(raw)} has no service name before \`:\`` };
    if (!isPort((portPart ?? '').trim())) return { reason: `${tick(raw)}: the local port ${tick(portPart ?? '')} must be a number (1-65535) for the upstream's listener inside the pod` };
  }
  return undefined;
};

/** A non-negative number of requests per second (the cost estimate's `mumbai-mesh.io/expected-rps`). */
export const requestsPerSecond: ValueCheck = (v) => {
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return undefined;
  const unit = /^\s*(\d+(?:\.\d+)?)\s*(rps|req\/s|\/s)\s*$/i.exec(v);
  return { reason: `expected a number of requests per second such as \`250\`, got ${tick(v)}`, suggestion: unit?.[1] };
};
