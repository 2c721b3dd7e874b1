// Three-year total cost of ownership and return on investment: the mesh's infrastructure
// overhead (computed, or the team's own figure) plus the team's monthly and one-time costs,
// against the monthly benefits it expects. All sums in minor units, like the cost report.
//   monthlyCost   = infrastructure + Σ monthlyCosts
//   threeYearCost = Σ oneTimeCosts + 36 × monthlyCost
//   threeYearBenefit = 36 × Σ monthlyBenefits
//   roiPercent    = (threeYearBenefit − threeYearCost) / threeYearCost × 100, one decimal
//   paybackMonth  = first month m with m × benefit ≥ oneTime + m × monthlyCost
import type { TcoGroup, TcoInput } from './tcoSchema';
import { TCO_GROUPS } from './tcoSchema';
import { roundHalfUp, toMinor } from './totals';

export const TCO_MONTHS = 36;

export interface TcoLine {
  readonly name: string;
  readonly amount: number;
}

export interface TcoResult {
  readonly currency: string;
  readonly months: number;
  readonly infrastructureMonthly: number;
  readonly infrastructureSource: 'computed' | 'tco.yaml';
  readonly lines: Readonly<Record<TcoGroup, readonly TcoLine[]>>;
  /** Minor units from here on. */
  readonly monthlyCost: number;
  readonly oneTimeCost: number;
  readonly monthlyBenefit: number;
  readonly threeYearCost: number;
  readonly threeYearBenefit: number;
  readonly netBenefit: number;
  /** null when the three-year cost is 0. */
  readonly roiPercent: number | null;
  /** null when the benefit never catches up with the cost. */
  readonly paybackMonth: number | null;
}

function lines(group: Readonly<Record<string, number>>, order: readonly string[]): TcoLine[] {
  const names = [...order, ...Object.keys(group).filter((n) => !order.includes(n))];
  return names.map((name) => ({ name, amount: toMinor(group[name] ?? 0) }));
}

const sum = (items: readonly TcoLine[]) => items.reduce((s, l) => s + l.amount, 0);

/** `infrastructureMonthly`: the computed mesh overhead per month, in minor units. */
export function computeTco(input: TcoInput, infrastructureMonthly: number, currency: string): TcoResult {
  const byGroup = {
    monthlyCosts: lines(input.monthlyCosts, TCO_GROUPS.monthlyCosts),
    oneTimeCosts: lines(input.oneTimeCosts, TCO_GROUPS.oneTimeCosts),
    monthlyBenefits: lines(input.monthlyBenefits, TCO_GROUPS.monthlyBenefits),
  };
  const infra = input.infrastructureMonthly === 'auto' ? infrastructureMonthly : toMinor(input.infrastructureMonthly);
  const monthlyCost = infra + sum(byGroup.monthlyCosts);
  const oneTimeCost = sum(byGroup.oneTimeCosts);
  const monthlyBenefit = sum(byGroup.monthlyBenefits);
  const threeYearCost = oneTimeCost + TCO_MONTHS * monthlyCost;
  const threeYearBenefit = TCO_MONTHS * monthlyBenefit;
  const net = monthlyBenefit - monthlyCost;
  return {
    currency,
    months: TCO_MONTHS,
    infrastructureMonthly: infra,
    infrastructureSource: input.infrastructureMonthly === 'auto' ? 'computed' : 'tco.yaml',
    lines: byGroup,
    monthlyCost,
    oneTimeCost,
    monthlyBenefit,
    threeYearCost,
    threeYearBenefit,
    netBenefit: threeYearBenefit - threeYearCost,
    roiPercent: threeYearCost === 0 ? null : roundHalfUp(((threeYearBenefit - threeYearCost) / threeYearCost) * 1000) / 10,
    paybackMonth: net > 0 ? Math.max(1, Math.ceil(oneTimeCost / net)) : null,
  };
}
