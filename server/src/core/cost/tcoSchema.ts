// Our schema for `.mumbai-mesh/tco.yaml`: the figures only the team knows, in the price
// profile's currency. Each group is a map of named amounts; the names listed here are
// filled with 0 when absent, and teams may add their own (e.g. `licences: 4000`).
//
//   currency: INR               # optional; must match the price profile's currency
//   infrastructureMonthly: auto # or a number replacing the computed mesh overhead
//   monthlyCosts:    { operations, tooling, expertise }
//   oneTimeCosts:    { training, consulting, migration, testing }
//   monthlyBenefits: { debuggingTimeSaved, fasterIncidentResolution, preventedIncidents }
import { parseDocument } from 'yaml';
import { isRecord } from './podTemplate';

export const TCO_GROUPS = {
  monthlyCosts: ['operations', 'tooling', 'expertise'],
  oneTimeCosts: ['training', 'consulting', 'migration', 'testing'],
  monthlyBenefits: ['debuggingTimeSaved', 'fasterIncidentResolution', 'preventedIncidents'],
} as const;

export type TcoGroup = keyof typeof TCO_GROUPS;

export interface TcoInput {
  readonly currency?: string;
  /** 'auto' = the mesh overhead computed from the workspace. */
  readonly infrastructureMonthly: number | 'auto';
  readonly monthlyCosts: Readonly<Record<string, number>>;
  readonly oneTimeCosts: Readonly<Record<string, number>>;
  readonly monthlyBenefits: Readonly<Record<string, number>>;
}

export interface TcoProblem {
  /** JSON-pointer-like path, e.g. `/monthlyCosts/operations`. */
  readonly path: string;
  readonly message: string;
}

export interface ParsedTco {
  /** Always complete: bad or missing fields fall back to their defaults. */
  readonly input: TcoInput;
  readonly problems: readonly TcoProblem[];
}

const GROUP_NAMES = Object.keys(TCO_GROUPS) as TcoGroup[];
const TOP_LEVEL = new Set<string>(['currency', 'infrastructureMonthly', ...GROUP_NAMES]);

export const DEFAULT_TCO_INPUT: TcoInput = {
  infrastructureMonthly: 'auto',
  monthlyCosts: { operations: 0, tooling: 0, expertise: 0 },
  oneTimeCosts: { training: 0, consulting: 0, migration: 0, testing: 0 },
  monthlyBenefits: { debuggingTimeSaved: 0, fasterIncidentResolution: 0, preventedIncidents: 0 },
};

const amountOk = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e13;

/** Validates and completes a value already parsed from YAML or JSON. */
export function validateTco(raw: unknown): ParsedTco {
  const problems: TcoProblem[] = [];
  const value = raw === null || raw === undefined ? {} : raw;
  if (!isRecord(value)) return { input: DEFAULT_TCO_INPUT, problems: [{ path: '', message: 'must be a mapping of the groups monthlyCosts, oneTimeCosts, monthlyBenefits' }] };
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL.has(key)) problems.push({ path: `/${key}`, message: `unknown field; expected one of ${[...TOP_LEVEL].join(', ')}` });
  }

  let currency: string | undefined;
  if (value.currency !== undefined) {
    if (typeof value.currency === 'string' && /^[A-Za-z]{3}$/.test(value.currency)) currency = value.currency.toUpperCase();
    else problems.push({ path: '/currency', message: 'must be a three-letter currency code such as INR' });
  }

  let infrastructureMonthly: number | 'auto' = 'auto';
  if (value.infrastructureMonthly !== undefined && value.infrastructureMonthly !== 'auto') {
    if (amountOk(value.infrastructureMonthly)) infrastructureMonthly = value.infrastructureMonthly;
    else problems.push({ path: '/infrastructureMonthly', message: 'must be "auto" or a non-negative amount' });
  }

  const groups = {} as Record<TcoGroup, Record<string, number>>;
  for (const group of GROUP_NAMES) {
    const out: Record<string, number> = { ...DEFAULT_TCO_INPUT[group] };
    const given = value[group];
    if (given !== undefined && given !== null && !isRecord(given)) {
      problems.push({ path: `/${group}`, message: 'must be a mapping of name: amount' });
    } else if (isRecord(given)) {
      for (const [name, amount] of Object.entries(given)) {
        if (amount === null) continue;
        if (amountOk(amount)) out[name] = amount;
        else problems.push({ path: `/${group}/${name}`, message: 'must be a non-negative amount' });
      }
    }
    groups[group] = out;
  }
  return { input: { ...(currency ? { currency } : {}), infrastructureMonthly, ...groups }, problems };
}

/** Parses the text of `.mumbai-mesh/tco.yaml`, then validates and completes it. */
export function parseTco(text: string): ParsedTco {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return { input: DEFAULT_TCO_INPUT, problems: [{ path: '', message: `not valid YAML: ${doc.errors[0].message.split('\n')[0]}` }] };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { input: DEFAULT_TCO_INPUT, problems: [{ path: '', message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  return validateTco(raw);
}
