// `mumbai-mesh cost`: the proxy and control-plane overhead of the manifests under PATH, per
// ../shared/CONTRACTS.md, from the same calculation core as the editor.
// Exit status: 0 on success, 2 for a usage or read error (one line on stderr).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { compareMeshes } from '../core/cost/compare';
import { computeCost } from '../core/cost/costReport';
import { costReportJson } from '../core/cost/costJson';
import { formatCostText } from '../core/cost/costText';
import type { WorkspaceResource } from '../core/cost/costTypes';
import { computeTco, type TcoResult } from '../core/cost/tco';
import { parseTco, DEFAULT_TCO_INPUT, type TcoInput } from '../core/cost/tcoSchema';
import { moneyTotal } from '../core/cost/totals';
import { createMeshService } from '../core/service';
import { DEFAULT_SETTINGS, type CostProfile, type MeshName, type Settings } from '../core/settings';
import { collectFiles, UsageError } from './collectFiles';

export interface CostIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Where `.mumbai-mesh/tco.yaml` is looked for last; defaults to process.cwd(). */
  readonly cwd?: string;
}

export const COST_USAGE = `usage: mumbai-mesh cost [--format text|json] [--profile aws-mumbai|azure-india|gcp-mumbai|custom]
                        [--default-mesh istio|istio-ambient|linkerd|consul|none]
                        [--cpu-price N --memory-price N [--currency CODE]] [--compare] [--tco] PATH...
  Monthly proxy and control-plane overhead of the workloads in PATH (files, or folders
  searched for *.yaml / *.yml). --cpu-price is per vCPU-hour and --memory-price per
  GiB-hour (docs/cost-model.md); they select the custom profile. --compare prices the same
  workloads under each mesh; --tco adds the 3-year TCO/ROI view from .mumbai-mesh/tco.yaml.`;

const PROFILES: readonly CostProfile[] = ['aws-mumbai', 'azure-india', 'gcp-mumbai', 'custom'];
const MESHES: readonly MeshName[] = ['istio', 'istio-ambient', 'linkerd', 'consul', 'none'];
const TCO_FILE = path.join('.mumbai-mesh', 'tco.yaml');

function price(flag: string, text: string): number {
  const n = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`${flag} ${text} is not a non-negative number`);
  return n;
}

function settingsFrom(values: Record<string, string | boolean | undefined>): Settings {
  const profileFlag = values.profile as string | undefined;
  const cpuText = values['cpu-price'] as string | undefined;
  const memoryText = values['memory-price'] as string | undefined;
  const currency = values.currency as string | undefined;
  const defaultMesh = (values['default-mesh'] as string | undefined) ?? DEFAULT_SETTINGS.defaultMesh;
  if (profileFlag !== undefined && !PROFILES.includes(profileFlag as CostProfile)) throw new UsageError(`unknown --profile ${profileFlag}: use ${PROFILES.join(', ')}`);
  if (!MESHES.includes(defaultMesh as MeshName)) throw new UsageError(`unknown --default-mesh ${defaultMesh}: use ${MESHES.join(', ')}`);
  if ((cpuText === undefined) !== (memoryText === undefined)) throw new UsageError('--cpu-price and --memory-price go together');
  const custom = cpuText !== undefined;
  if (custom && profileFlag !== undefined && profileFlag !== 'custom') throw new UsageError(`--cpu-price and --memory-price select the custom profile; they cannot be used with --profile ${profileFlag}`);
  if (currency !== undefined && !custom) throw new UsageError('--currency needs --cpu-price and --memory-price');
  if (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency)) throw new UsageError(`--currency ${currency} is not a three-letter currency code`);
  const customPrices = custom
    ? { currency: (currency ?? 'INR').toUpperCase(), cpuPerVcpuHour: price('--cpu-price', cpuText), memoryPerGiBHour: price('--memory-price', memoryText as string) }
    : DEFAULT_SETTINGS.cost.customPrices;
  const profile: CostProfile = custom ? 'custom' : ((profileFlag as CostProfile | undefined) ?? DEFAULT_SETTINGS.cost.profile);
  return { ...DEFAULT_SETTINGS, defaultMesh: defaultMesh as MeshName, cost: { ...DEFAULT_SETTINGS.cost, profile, customPrices } };
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** `.mumbai-mesh/tco.yaml` in the first folder PATH that has one, else in the working folder. */
function findTcoFile(paths: readonly string[], cwd: string): string | undefined {
  const folders = paths.filter((p) => {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  });
  for (const folder of [...folders, cwd]) {
    const candidate = path.join(folder, TCO_FILE);
    if (fs.existsSync(candidate)) return folder === cwd && !folders.includes(cwd) ? TCO_FILE : candidate;
  }
  return undefined;
}

function loadTco(file: string | undefined, currency: string): TcoInput {
  if (!file) return DEFAULT_TCO_INPUT;
  const parsed = parseTco(readText(file));
  const first = parsed.problems[0];
  if (first) {
    const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : '';
    throw new UsageError(`${file}: ${first.path || 'the file'} ${first.message}${more}`);
  }
  if (parsed.input.currency && parsed.input.currency !== currency) throw new UsageError(`${file}: currency ${parsed.input.currency} does not match the prices' ${currency}`);
  return parsed.input;
}

function cost(argv: string[], io: CostIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      profile: { type: 'string' },
      'default-mesh': { type: 'string' },
      'cpu-price': { type: 'string' },
      'memory-price': { type: 'string' },
      currency: { type: 'string' },
      compare: { type: 'boolean', default: false },
      tco: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(`${COST_USAGE}\n`);
    return 0;
  }
  const format = values.format as string;
  if (!['text', 'json'].includes(format)) throw new UsageError(`unknown --format ${format}: use text or json`);
  const settings = settingsFrom(values);
  if (positionals.length === 0) throw new UsageError('no PATH given');

  const files = collectFiles(positionals);
  // Cost needs the resources only, not schema findings: validation is skipped.
  const service = createMeshService({ validateResource: () => [] });
  const resources: WorkspaceResource[] = files.flatMap((file) =>
    service.analyze(readText(file), settings).documents.flatMap((d) => d.analysis.resources.map((resource) => ({ file, resource }))),
  );

  const report = computeCost(resources, settings);
  const compare = values.compare ? compareMeshes(resources, settings) : undefined;
  let tco: TcoResult | undefined;
  let tcoFile: string | undefined;
  if (values.tco) {
    tcoFile = findTcoFile(positionals, io.cwd ?? process.cwd());
    tco = computeTco(loadTco(tcoFile, report.prices.currency), moneyTotal(report.total.money), report.prices.currency);
  }

  if (format === 'json') {
    const json = costReportJson(report, { compare, tco });
    if (tco) (json.tco as Record<string, unknown>).file = tcoFile ?? null;
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout(formatCostText(report, { compare, tco, tcoFile }));
  }
  return 0;
}

/** Runs `mumbai-mesh cost` with the arguments after `cost`; returns the exit status. */
export function runCost(argv: string[], io: CostIo): number {
  try {
    return cost(argv, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`mumbai-mesh: ${(error as Error).message} (see mumbai-mesh cost --help)\n`);
      return 2;
    }
    io.stderr(`mumbai-mesh: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
