// The `mumbaiMesh` settings section: its type, defaults, and a normaliser that keeps every
// good field and falls back per bad field with one warning each. Adding a setting:
// package.json (contributes.configuration) → here → the core parameter → a test.
import type { Severity } from './finding';
import { COST_PROFILES, type CostProfile } from './cost/costProfiles';
import { parseQuantity } from './cost/quantity';

export type { CostProfile } from './cost/costProfiles';

export type RuleLevel = Severity | 'off';
export type MeshName = 'istio' | 'istio-ambient' | 'linkerd' | 'consul' | 'none';

export interface CustomPrices {
  readonly currency: string;
  readonly cpuPerVcpuHour: number;
  readonly memoryPerGiBHour: number;
}

/** Kubernetes quantity strings; null means "not set" (no request / no limit). */
export interface ResourceQuantities {
  readonly cpu: string | null;
  readonly memory: string | null;
}

export interface ProxyResourceSetting {
  readonly requests: ResourceQuantities;
  readonly limits: ResourceQuantities;
}

/** Whose injected proxy a `cost.proxyDefaults` entry sizes. */
export type ProxyDefaultsKey = 'istio' | 'istio-waypoint' | 'linkerd' | 'consul';
export type ControlPlaneKey = 'istio' | 'linkerd' | 'consul';

export interface CostSettings {
  readonly profile: CostProfile;
  readonly customPrices: CustomPrices;
  /** Nodes in the cluster: DaemonSet replicas, and ztunnel / istio-cni pods for ambient. */
  readonly nodes: number;
  /** Fraction of the month a Job or CronJob pod runs (0 = not counted). */
  readonly jobDuty: number;
  /** Expected requests per second for a workload without a `mumbai-mesh.io/expected-rps` annotation; null = unknown. */
  readonly expectedRps: number | null;
  /** Right-sizing advice when a proxy request exceeds this many times its usage estimate. */
  readonly rightSizingFactor: number;
  /** Proxy resources of each mesh's install (chart defaults unless the user runs a tuned install). */
  readonly proxyDefaults: Readonly<Record<ProxyDefaultsKey, ProxyResourceSetting>>;
  /** Total control-plane requests of a tuned install, replacing the chart-default components. */
  readonly controlPlane: Readonly<Partial<Record<ControlPlaneKey, { readonly cpu: string; readonly memory: string }>>>;
  /** Show each proxy resource annotation's monthly cost as an inlay hint (off by default: it is busy). */
  readonly inlayHints: boolean;
}

export interface Settings {
  readonly cost: CostSettings;
  readonly defaultMesh: MeshName;
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** Files above this size get one info diagnostic instead of analysis. */
  readonly maxFileSizeKB: number;
  /** Alias expansions allowed per YAML document. */
  readonly aliasBudget: number;
  readonly validation: { readonly debounceMs: number };
  /** Namespace of resources without metadata.namespace, as kubectl's context would give. */
  readonly defaultNamespace: string;
  /** Globs (relative to the workspace folder) of files the workspace scan skips. */
  readonly exclude: readonly string[];
  /** Format Document (mumbaiMesh.format.enable). */
  readonly format: { readonly enable: boolean };
  /** JSON Schemas of the user's own kinds: `"group/version/Kind"` → schema file path. */
  readonly schemas: Readonly<Record<string, string>>;
}

export const DEFAULT_SETTINGS: Settings = {
  cost: {
    profile: 'aws-mumbai',
    customPrices: { currency: 'INR', cpuPerVcpuHour: 2.5, memoryPerGiBHour: 0.35 },
    nodes: 3,
    jobDuty: 0,
    expectedRps: null,
    rightSizingFactor: 2,
    proxyDefaults: {
      // istio/istio istio-discovery values.yaml: global.proxy.resources
      istio: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } },
      // istio/istio gateway and waypoint templates: 100m / 128Mi requests
      'istio-waypoint': { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: null, memory: null } },
      // linkerd-control-plane values.yaml: proxy.resources all empty
      linkerd: { requests: { cpu: null, memory: null }, limits: { cpu: null, memory: null } },
      // consul-k8s values.yaml: connectInject.sidecarProxy.resources all null
      consul: { requests: { cpu: null, memory: null }, limits: { cpu: null, memory: null } },
    },
    controlPlane: {},
    inlayHints: false,
  },
  defaultMesh: 'none',
  rules: {},
  maxFileSizeKB: 4096,
  aliasBudget: 1000,
  validation: { debounceMs: 300 },
  defaultNamespace: 'default',
  exclude: [],
  format: { enable: true },
  schemas: {},
};

const PROFILES: readonly CostProfile[] = COST_PROFILES;
const MESHES: readonly MeshName[] = ['istio', 'istio-ambient', 'linkerd', 'consul', 'none'];
const LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info', 'hint'];
const PROXY_DEFAULT_KEYS: readonly ProxyDefaultsKey[] = ['istio', 'istio-waypoint', 'linkerd', 'consul'];
const CONTROL_PLANE_KEYS: readonly ControlPlaneKey[] = ['istio', 'linkerd', 'consul'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface NormalisedSettings {
  readonly settings: Settings;
  readonly warnings: readonly string[];
}

/** Accepts the section as `workspace/configuration` or `initializationOptions` gives it. */
export function normaliseSettings(raw: unknown): NormalisedSettings {
  const warnings: string[] = [];
  const section = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) warnings.push('mumbaiMesh settings must be an object; using defaults.');

  function pick<T>(name: string, value: unknown, ok: (v: unknown) => v is T, fallback: T): T {
    if (value === undefined || value === null) return fallback;
    if (ok(value)) return value;
    warnings.push(`mumbaiMesh.${name}: ${JSON.stringify(value)} is not valid; using ${JSON.stringify(fallback)}.`);
    return fallback;
  }
  const oneOf = <T extends string>(list: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
  const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
  const nonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

  const cost = isRecord(section.cost) ? section.cost : {};
  const prices = isRecord(cost.customPrices) ? cost.customPrices : {};
  const d = DEFAULT_SETTINGS;
  const customPrices: CustomPrices = {
    currency: pick('cost.customPrices.currency', prices.currency, (v): v is string => typeof v === 'string' && /^[A-Za-z]{3}$/.test(v), d.cost.customPrices.currency),
    cpuPerVcpuHour: pick('cost.customPrices.cpuPerVcpuHour', prices.cpuPerVcpuHour, nonNegative, d.cost.customPrices.cpuPerVcpuHour),
    memoryPerGiBHour: pick('cost.customPrices.memoryPerGiBHour', prices.memoryPerGiBHour, nonNegative, d.cost.customPrices.memoryPerGiBHour),
  };

  const rules: Record<string, RuleLevel> = {};
  if (isRecord(section.rules)) {
    for (const [code, level] of Object.entries(section.rules)) {
      if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) rules[code.toUpperCase()] = level as RuleLevel;
      else warnings.push(`mumbaiMesh.rules.${code}: ${JSON.stringify(level)} is not one of ${LEVELS.join(', ')}; ignored.`);
    }
  } else if (section.rules !== undefined && section.rules !== null) {
    warnings.push('mumbaiMesh.rules must be an object of code → level; ignored.');
  }

  const isQuantity = (v: unknown): v is string => (typeof v === 'string' || typeof v === 'number') && parseQuantity(v) !== undefined;
  // Like Helm values: a field left out keeps the chart default, null (or "") removes it.
  const quantityField = (name: string, value: unknown, fallback: string | null): string | null => {
    if (value === undefined) return fallback;
    if (value === null || value === '') return null;
    if (isQuantity(value)) return String(value);
    warnings.push(`mumbaiMesh.${name}: ${JSON.stringify(value)} is not a Kubernetes quantity; using ${JSON.stringify(fallback)}.`);
    return fallback;
  };
  const rawProxyDefaults = isRecord(cost.proxyDefaults) ? cost.proxyDefaults : {};
  if (cost.proxyDefaults !== undefined && cost.proxyDefaults !== null && !isRecord(cost.proxyDefaults)) warnings.push('mumbaiMesh.cost.proxyDefaults must be an object; ignored.');
  const proxyDefaults = {} as Record<ProxyDefaultsKey, ProxyResourceSetting>;
  for (const key of PROXY_DEFAULT_KEYS) {
    const raw = isRecord(rawProxyDefaults[key]) ? rawProxyDefaults[key] : {};
    const base = d.cost.proxyDefaults[key];
    const side = (kind: 'requests' | 'limits'): ResourceQuantities => {
      const r = isRecord(raw[kind]) ? raw[kind] : {};
      const cpu = quantityField(`cost.proxyDefaults.${key}.${kind}.cpu`, r.cpu, base[kind].cpu);
      const memory = quantityField(`cost.proxyDefaults.${key}.${kind}.memory`, r.memory, base[kind].memory);
      return { cpu, memory };
    };
    proxyDefaults[key] = { requests: side('requests'), limits: side('limits') };
  }
  for (const key of Object.keys(rawProxyDefaults)) {
    if (!(PROXY_DEFAULT_KEYS as readonly string[]).includes(key)) warnings.push(`mumbaiMesh.cost.proxyDefaults.${key}: unknown mesh (use ${PROXY_DEFAULT_KEYS.join(', ')}); ignored.`);
  }
  const rawControlPlane = isRecord(cost.controlPlane) ? cost.controlPlane : {};
  const controlPlane: Partial<Record<ControlPlaneKey, { cpu: string; memory: string }>> = {};
  for (const [key, value] of Object.entries(rawControlPlane)) {
    if (!(CONTROL_PLANE_KEYS as readonly string[]).includes(key)) {
      warnings.push(`mumbaiMesh.cost.controlPlane.${key}: unknown mesh (use ${CONTROL_PLANE_KEYS.join(', ')}); ignored.`);
    } else if (isRecord(value) && isQuantity(value.cpu) && isQuantity(value.memory)) {
      controlPlane[key as ControlPlaneKey] = { cpu: String(value.cpu), memory: String(value.memory) };
    } else if (value !== null && value !== undefined) {
      warnings.push(`mumbaiMesh.cost.controlPlane.${key}: ${JSON.stringify(value)} needs { "cpu": quantity, "memory": quantity }; using the chart defaults.`);
    }
  }
  const positiveInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
  const fraction = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
  const atLeastOne = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 1;
  const costSettings: CostSettings = {
    profile: pick('cost.profile', cost.profile, oneOf(PROFILES), d.cost.profile),
    customPrices,
    nodes: pick('cost.nodes', cost.nodes, positiveInteger, d.cost.nodes),
    jobDuty: pick('cost.jobDuty', cost.jobDuty, fraction, d.cost.jobDuty),
    // null is the default ("unknown"), so pick's null fallback is exactly right here
    expectedRps: pick<number | null>('cost.expectedRps', cost.expectedRps, (v): v is number => nonNegative(v), d.cost.expectedRps),
    rightSizingFactor: pick('cost.rightSizingFactor', cost.rightSizingFactor, atLeastOne, d.cost.rightSizingFactor),
    proxyDefaults,
    controlPlane,
    inlayHints: pick('cost.inlayHints', cost.inlayHints, (v): v is boolean => typeof v === 'boolean', d.cost.inlayHints),
  };

  const validation = isRecord(section.validation) ? section.validation : {};
  const format = isRecord(section.format) ? section.format : {};
  const settings: Settings = {
    cost: costSettings,
    defaultMesh: pick('defaultMesh', section.defaultMesh, oneOf(MESHES), d.defaultMesh),
    rules,
    maxFileSizeKB: pick('maxFileSizeKB', section.maxFileSizeKB, positive, d.maxFileSizeKB),
    aliasBudget: pick('aliasBudget', section.aliasBudget, nonNegative, d.aliasBudget),
    validation: { debounceMs: pick('validation.debounceMs', validation.debounceMs, nonNegative, d.validation.debounceMs) },
    exclude: pick('exclude', section.exclude, (v): v is string[] => Array.isArray(v) && v.every((g) => typeof g === 'string'), d.exclude),
    defaultNamespace: pick('defaultNamespace', section.defaultNamespace, (v): v is string => typeof v === 'string' && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v), d.defaultNamespace),
    schemas: pick('schemas', section.schemas, (v): v is Record<string, string> => isRecord(v) && Object.entries(v).every(([k, f]) => /^([^/\s]+\/)?[^/\s]+\/[^/\s]+$/.test(k) && typeof f === 'string' && f.length > 0), d.schemas),
    format: { enable: pick('format.enable', format.enable, (v): v is boolean => typeof v === 'boolean', d.format.enable) },
  };
  return { settings, warnings };
}
