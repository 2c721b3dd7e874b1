// Price profiles and the price of one pod's resources for a month.
// Memory is priced per GiB (2^30 bytes): Kubernetes requests are written in Mi/Gi, and the
// clouds' "GB" of instance memory is the binary gigabyte, so the brief's "per GB" prices
// are applied per GiB (docs/cost-model.md). A month is 730 hours (8760 / 12).
import type { CostProfile, Settings } from '../settings';
import type { CpuMemoryAmount, MoneyParts } from './costTypes';
import { GIB } from './quantity';
import { roundHalfUp } from './totals';

export const HOURS_PER_MONTH = 730;

export interface PriceProfile {
  readonly currency: string;
  readonly cpuPerVcpuHour: number;
  readonly memoryPerGiBHour: number;
}

/** The product brief's INR prices per hour (see ../shared/design/cost-facts.md). */
export const PRICE_PROFILES: Readonly<Record<Exclude<CostProfile, 'custom'>, PriceProfile>> = {
  'aws-mumbai': { currency: 'INR', cpuPerVcpuHour: 2.5, memoryPerGiBHour: 0.35 },
  'azure-india': { currency: 'INR', cpuPerVcpuHour: 2.3, memoryPerGiBHour: 0.32 },
  'gcp-mumbai': { currency: 'INR', cpuPerVcpuHour: 2.2, memoryPerGiBHour: 0.3 },
};

export interface Prices extends PriceProfile {
  readonly profile: CostProfile;
  readonly hoursPerMonth: number;
}

export function resolvePrices(settings: Settings): Prices {
  const profile = settings.cost.profile;
  const p = profile === 'custom' ? settings.cost.customPrices : PRICE_PROFILES[profile];
  return { profile, currency: p.currency.toUpperCase(), cpuPerVcpuHour: p.cpuPerVcpuHour, memoryPerGiBHour: p.memoryPerGiBHour, hoursPerMonth: HOURS_PER_MONTH };
}

/**
 * One pod's resources for a month, in minor units (1/100 of the currency), each resource
 * rounded half up on its own: cpu = mCPU / 1000 × 730 × price, memory = bytes / 2^30 × 730 × price.
 */
export function monthlyMinor(amount: CpuMemoryAmount, prices: Prices): MoneyParts {
  return {
    cpu: roundHalfUp(((amount.cpuMillicores / 1000) * prices.hoursPerMonth * prices.cpuPerVcpuHour) * 100),
    memory: roundHalfUp(((amount.memoryBytes / GIB) * prices.hoursPerMonth * prices.memoryPerGiBHour) * 100),
  };
}
