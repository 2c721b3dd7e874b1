// The requests and limits of one injected proxy, with each mesh's real semantics:
//   Istio    the injection template's `resources` block: if ANY of the four
//            sidecar.istio.io/proxy* annotations is present, only the annotated fields are
//            set and every chart default is dropped (proxyCPU alone = a CPU request, no
//            memory request, no limits). A container named istio-proxy in the pod spec is
//            merged over the injected one, field by field.
//   Linkerd  config.linkerd.io/proxy-* annotations, each overriding only its own field;
//            pod template first, then the namespace; the chart sets nothing.
//   Consul   consul.hashicorp.com/sidecar-proxy-* annotations per field (pod only); the
//            chart sets nothing.
// Then Kubernetes' own rule: a resource with a limit and no request gets request = limit.
// Native sidecars (init containers with restartPolicy: Always) add to the pod like app
// containers, so the proxy is always counted in full whichever way it is injected.
import { DEFAULT_SETTINGS, type ProxyDefaultsKey, type ProxyResourceSetting, type Settings } from '../settings';
import type { NamespaceInfo } from './costWorkspace';
import type { CpuMemory } from './costTypes';
import { isRecord, type PodTemplate } from './podTemplate';
import { parseCpuMillicores, parseMemoryBytes } from './quantity';

export type SidecarMesh = 'istio' | 'linkerd' | 'consul';

export interface AnnotationNames {
  readonly cpuRequest: string;
  readonly memoryRequest: string;
  readonly cpuLimit: string;
  readonly memoryLimit: string;
}

export const PROXY_ANNOTATIONS: Readonly<Record<SidecarMesh, AnnotationNames>> = {
  istio: {
    cpuRequest: 'sidecar.istio.io/proxyCPU',
    memoryRequest: 'sidecar.istio.io/proxyMemory',
    cpuLimit: 'sidecar.istio.io/proxyCPULimit',
    memoryLimit: 'sidecar.istio.io/proxyMemoryLimit',
  },
  linkerd: {
    cpuRequest: 'config.linkerd.io/proxy-cpu-request',
    memoryRequest: 'config.linkerd.io/proxy-memory-request',
    cpuLimit: 'config.linkerd.io/proxy-cpu-limit',
    memoryLimit: 'config.linkerd.io/proxy-memory-limit',
  },
  consul: {
    cpuRequest: 'consul.hashicorp.com/sidecar-proxy-cpu-request',
    memoryRequest: 'consul.hashicorp.com/sidecar-proxy-memory-request',
    cpuLimit: 'consul.hashicorp.com/sidecar-proxy-cpu-limit',
    memoryLimit: 'consul.hashicorp.com/sidecar-proxy-memory-limit',
  },
};

export type ProxyOrigin = 'chart defaults' | 'settings' | 'annotations' | 'annotations and defaults' | 'istio-proxy container';

export interface ProxyResources {
  /** What the scheduler reserves per pod (after request = limit when only a limit is set). */
  readonly requests: CpuMemory;
  readonly limits: CpuMemory;
  readonly origin: ProxyOrigin;
  /** The resources came (partly) from an explicit istio-proxy container: annotations cannot fix them. */
  readonly fromContainer: boolean;
  readonly notes: readonly string[];
}

type Field = keyof AnnotationNames;
const FIELDS: readonly Field[] = ['cpuRequest', 'memoryRequest', 'cpuLimit', 'memoryLimit'];
type Raw = Partial<Record<Field, string>>;

function fromSetting(s: ProxyResourceSetting): Raw {
  const raw: Raw = {};
  if (s.requests.cpu !== null) raw.cpuRequest = s.requests.cpu;
  if (s.requests.memory !== null) raw.memoryRequest = s.requests.memory;
  if (s.limits.cpu !== null) raw.cpuLimit = s.limits.cpu;
  if (s.limits.memory !== null) raw.memoryLimit = s.limits.memory;
  return raw;
}

function sameSetting(a: ProxyResourceSetting, b: ProxyResourceSetting): boolean {
  return a.requests.cpu === b.requests.cpu && a.requests.memory === b.requests.memory && a.limits.cpu === b.limits.cpu && a.limits.memory === b.limits.memory;
}

function defaultsOrigin(key: ProxyDefaultsKey, settings: Settings): ProxyOrigin {
  return sameSetting(settings.cost.proxyDefaults[key], DEFAULT_SETTINGS.cost.proxyDefaults[key]) ? 'chart defaults' : 'settings';
}

/** The container named istio-proxy, among containers or native-sidecar init containers. */
function istioProxyContainer(spec: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  for (const list of [spec.containers, spec.initContainers]) {
    if (!Array.isArray(list)) continue;
    const found = list.find((c) => isRecord(c) && c.name === 'istio-proxy');
    if (isRecord(found)) return found;
  }
  return undefined;
}

function resolve(raw: Raw, describe: (field: Field) => string, notes: string[]): { requests: CpuMemory; limits: CpuMemory } {
  const parsed: Partial<Record<Field, number>> = {};
  for (const field of FIELDS) {
    const text = raw[field];
    if (text === undefined) continue;
    const value = field.startsWith('cpu') ? parseCpuMillicores(text) : parseMemoryBytes(text);
    if (value === undefined) notes.push(`${describe(field)}: ${JSON.stringify(text)} is not a Kubernetes quantity, so it is left out of the cost (the injector would reject it).`);
    else parsed[field] = value;
  }
  // Kubernetes defaults a missing request to its limit.
  return {
    requests: { cpuMillicores: parsed.cpuRequest ?? parsed.cpuLimit, memoryBytes: parsed.memoryRequest ?? parsed.memoryLimit },
    limits: { cpuMillicores: parsed.cpuLimit, memoryBytes: parsed.memoryLimit },
  };
}

export interface ProxyResourceInput {
  readonly template: PodTemplate;
  readonly namespace?: NamespaceInfo;
  readonly settings: Settings;
}

export function sidecarResources(mesh: SidecarMesh, input: ProxyResourceInput): ProxyResources {
  const { template, namespace, settings } = input;
  const names = PROXY_ANNOTATIONS[mesh];
  const notes: string[] = [];
  const defaults = fromSetting(settings.cost.proxyDefaults[mesh]);
  let raw: Raw;
  let origin: ProxyOrigin;
  const annotated = (a: Readonly<Record<string, string>> | undefined) => FIELDS.filter((f) => a?.[names[f]] !== undefined);

  if (mesh === 'istio') {
    const present = annotated(template.annotations);
    if (present.length > 0) {
      raw = Object.fromEntries(present.map((f) => [f, template.annotations[names[f]]]));
      origin = 'annotations';
    } else {
      raw = defaults;
      origin = defaultsOrigin('istio', settings);
    }
  } else {
    raw = { ...defaults };
    const fromPod = annotated(template.annotations);
    const fromNamespace = mesh === 'linkerd' ? annotated(namespace?.annotations) : [];
    for (const f of fromNamespace) raw[f] = namespace?.annotations[names[f]];
    for (const f of fromPod) raw[f] = template.annotations[names[f]];
    const any = fromPod.length + fromNamespace.length > 0;
    const defaultsUsed = FIELDS.some((f) => !fromPod.includes(f) && !fromNamespace.includes(f) && defaults[f] !== undefined);
    origin = any ? (defaultsUsed ? 'annotations and defaults' : 'annotations') : defaultsOrigin(mesh, settings);
  }

  let fromContainer = false;
  if (mesh === 'istio') {
    const container = istioProxyContainer(template.spec);
    const resources = container && isRecord(container.resources) ? container.resources : undefined;
    if (resources) {
      const requests = isRecord(resources.requests) ? resources.requests : {};
      const limits = isRecord(resources.limits) ? resources.limits : {};
      const override: Raw = {};
      if (requests.cpu !== undefined) override.cpuRequest = String(requests.cpu);
      if (requests.memory !== undefined) override.memoryRequest = String(requests.memory);
      if (limits.cpu !== undefined) override.cpuLimit = String(limits.cpu);
      if (limits.memory !== undefined) override.memoryLimit = String(limits.memory);
      if (Object.keys(override).length > 0) {
        raw = { ...raw, ...override };
        origin = 'istio-proxy container';
        fromContainer = true;
      }
    }
  }

  const { requests, limits } = resolve(raw, (f) => (origin === 'istio-proxy container' ? `istio-proxy ${fieldWords(f)}` : names[f]), notes);
  if (mesh === 'istio' && origin === 'annotations') {
    const result: Record<Field, number | undefined> = { cpuRequest: requests.cpuMillicores, memoryRequest: requests.memoryBytes, cpuLimit: limits.cpuMillicores, memoryLimit: limits.memoryBytes };
    const dropped = FIELDS.filter((f) => defaults[f] !== undefined && result[f] === undefined);
    if (dropped.length > 0) notes.push(`Once any sidecar.istio.io/proxy* annotation is set, Istio drops every default: this proxy has no ${listWords(dropped.map(fieldWords))}.`);
  }
  if (requests.cpuMillicores === undefined && requests.memoryBytes === undefined) {
    notes.push(`No proxy requests are set (${mesh} ${origin}); the scheduler reserves nothing, so the cost is its usage estimate, or 0 without an expected request rate.`);
  }
  return { requests, limits, origin, fromContainer, notes };
}

export function waypointResources(settings: Settings): ProxyResources {
  const notes: string[] = [];
  const { requests, limits } = resolve(fromSetting(settings.cost.proxyDefaults['istio-waypoint']), (f) => `cost.proxyDefaults.istio-waypoint ${fieldWords(f)}`, notes);
  return { requests, limits, origin: defaultsOrigin('istio-waypoint', settings), fromContainer: false, notes };
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function fieldWords(field: Field): string {
  return { cpuRequest: 'CPU request', memoryRequest: 'memory request', cpuLimit: 'CPU limit', memoryLimit: 'memory limit' }[field];
}
