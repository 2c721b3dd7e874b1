// MM460 on a Consul ServiceSplitter whose split weights do not add up to 100. Consul
// rejects the entry (ServiceSplitterConfigEntry.Validate: weights are scaled to hundredths
// and rounded, and the sum must be exactly 100.00), so consul-k8s marks it Synced=False
// and traffic keeps its previous routing.
import { findingAt, ofKind } from './istioRule';
import { CONSUL } from './consulConfigEntries';
import { list, record, spec } from './plainValue';
import type { Rule } from './rule';

/** Weights in hundredths of a percent, rounded as Consul does. */
function scaled(weight: unknown): number {
  const n = typeof weight === 'number' ? weight : Number(weight);
  return Number.isFinite(n) ? Math.round(n * 100) : 0;
}

export const consulSplitterWeights: Rule = {
  code: 'MM460',
  defaultSeverity: 'error',
  appliesTo: ofKind('ServiceSplitter', CONSUL),
  check(ctx) {
    const raw = spec(ctx.resource.resource.value).splits;
    if (raw !== undefined && raw !== null && !Array.isArray(raw)) return []; // a schema error, reported there
    const splits = list(raw);
    if (splits.length === 0) {
      return [findingAt(ctx, 'MM460', ['spec', 'splits'], 'This ServiceSplitter has no splits, and Consul refuses a splitter without any. Add splits whose weights add up to 100.')];
    }
    const sum = splits.reduce<number>((total, s) => total + scaled(record(s)?.weight), 0);
    if (sum === 10000) return [];
    const shown = (sum / 100).toFixed(2).replace(/\.?0+$/, '');
    const hint = sum < 10000 ? `add ${((10000 - sum) / 100).toFixed(2).replace(/\.?0+$/, '')} to a split` : `take ${((sum - 10000) / 100).toFixed(2).replace(/\.?0+$/, '')} off the splits`;
    return [findingAt(ctx, 'MM460', ['spec', 'splits'], `The split weights add up to ${shown}, not 100, so Consul rejects this ServiceSplitter and traffic is not split. Change the weights so they total 100 (${hint}).`)];
  },
};
