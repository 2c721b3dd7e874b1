// Totals that equal the sum of their parts exactly. Money is kept in integer minor units
// (paise): each part is rounded once, to 0.01 of the currency, and totals add the rounded
// integers, so a report never shows parts that do not add up. Memory is reported in MiB with
// two decimals, summed the same way (in hundredths of a MiB).
import type { CpuMemoryAmount, MoneyParts } from './costTypes';
import { MIB } from './quantity';

/** Half-up rounding that ignores binary noise (1.005 × 100 is 100.49999… in floating point). */
export function roundHalfUp(x: number): number {
  return Math.round(Number(x.toPrecision(15)));
}

/** Ceiling that ignores binary noise (0.2 × 125 is 25.000000000000004). */
export function ceilClean(x: number): number {
  return Math.ceil(Number(x.toPrecision(12)));
}

export const ZERO_MONEY: MoneyParts = { cpu: 0, memory: 0 };

export function addMoney(a: MoneyParts, b: MoneyParts): MoneyParts {
  return { cpu: a.cpu + b.cpu, memory: a.memory + b.memory };
}

export function sumMoney(parts: readonly MoneyParts[]): MoneyParts {
  return parts.reduce(addMoney, ZERO_MONEY);
}

/** A per-pod amount times replicas: exact for whole replicas, rounded once otherwise (Jobs). */
export function scaleMoney(parts: MoneyParts, factor: number): MoneyParts {
  return { cpu: roundHalfUp(parts.cpu * factor), memory: roundHalfUp(parts.memory * factor) };
}

export function moneyTotal(parts: MoneyParts): number {
  return parts.cpu + parts.memory;
}

/** Minor units → the currency amount with two decimals (exact as printed). */
export function toMajor(minor: number): number {
  return minor / 100;
}

/** A currency amount given by a user → minor units. */
export function toMinor(major: number): number {
  return roundHalfUp(major * 100);
}

/** CPU (whole millicores) and memory (hundredths of MiB), as reported and summed. */
export interface ReportedAmount {
  readonly cpuMillicores: number;
  readonly memoryHundredthsMiB: number;
}

/** One pod's amount (memory rounded to 0.01 MiB once) times replicas, like money. */
export function reportAmount(amount: CpuMemoryAmount, factor = 1): ReportedAmount {
  const podMemory = roundHalfUp((amount.memoryBytes / MIB) * 100);
  return {
    cpuMillicores: roundHalfUp(amount.cpuMillicores * factor),
    memoryHundredthsMiB: roundHalfUp(podMemory * factor),
  };
}

export function sumReported(parts: readonly ReportedAmount[]): ReportedAmount {
  return parts.reduce((a, b) => ({ cpuMillicores: a.cpuMillicores + b.cpuMillicores, memoryHundredthsMiB: a.memoryHundredthsMiB + b.memoryHundredthsMiB }), { cpuMillicores: 0, memoryHundredthsMiB: 0 });
}

export function hundredthsToMiB(h: number): number {
  return h / 100;
}
