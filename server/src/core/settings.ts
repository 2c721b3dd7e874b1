// The `mumbaiMesh` settings section: its type, defaults, and a normaliser that keeps every
// good field and falls back per bad field with one warning each. Adding a setting:
// package.json (contributes.configuration) → here → the core parameter → a test.
import type { Severity } from './finding';

export type RuleLevel = Severity | 'off';
export type CostProfile = 'aws-mumbai' | 'azure-india' | 'gcp-mumbai' | 'custom';
export type MeshName = 'istio' | 'istio-ambient' | 'linkerd' | 'consul' | 'none';

export interface CustomPrices {
  readonly currency: string;
  readonly cpuPerVcpuHour: number;
  readonly memoryPerGiBHour: number;
}

export interface Settings {
  readonly cost: { readonly profile: CostProfile; readonly customPrices: CustomPrices };
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
}

export const DEFAULT_SETTINGS: Settings = {
  cost: { profile: 'aws-mumbai', customPrices: { currency: 'INR', cpuPerVcpuHour: 2.5, memoryPerGiBHour: 0.35 } },
  defaultMesh: 'none',
  rules: {},
  maxFileSizeKB: 4096,
  aliasBudget: 1000,
  validation: { debounceMs: 300 },
  defaultNamespace: 'default',
  exclude: [],
};

const PROFILES: readonly CostProfile[] = ['aws-mumbai', 'azure-india', 'gcp-mumbai', 'custom'];
const MESHES: readonly MeshName[] = ['istio', 'istio-ambient', 'linkerd', 'consul', 'none'];
const LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info', 'hint'];

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

  const validation = isRecord(section.validation) ? section.validation : {};
  const settings: Settings = {
    cost: { profile: pick('cost.profile', cost.profile, oneOf(PROFILES), d.cost.profile), customPrices },
    defaultMesh: pick('defaultMesh', section.defaultMesh, oneOf(MESHES), d.defaultMesh),
    rules,
    maxFileSizeKB: pick('maxFileSizeKB', section.maxFileSizeKB, positive, d.maxFileSizeKB),
    aliasBudget: pick('aliasBudget', section.aliasBudget, nonNegative, d.aliasBudget),
    validation: { debounceMs: pick('validation.debounceMs', validation.debounceMs, nonNegative, d.validation.debounceMs) },
    exclude: pick('exclude', section.exclude, (v): v is string[] => Array.isArray(v) && v.every((g) => typeof g === 'string'), d.exclude),
    defaultNamespace: pick('defaultNamespace', section.defaultNamespace, (v): v is string => typeof v === 'string' && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v), d.defaultNamespace),
  };
  return { settings, warnings };
}
