// TCO / ROI over 3 years from .mumbai-mesh/tco.yaml: our schema validates and completes the
// file; the numbers are exact in paise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from '../fixtures/cost/loadWorkspace.mjs';

const SAMPLE = `# the team's own figures, INR
currency: INR
monthlyCosts:
  operations: 40000       # a fifth of an SRE
  tooling: 5000.50
oneTimeCosts:
  training: 150000
  migration: 250000
monthlyBenefits:
  debuggingTimeSaved: 60000
  preventedIncidents: 20000
  fewerPages: 4999.5      # a benefit of the team's own
`;

test('tco.yaml is completed with zeros for the named fields and keeps extra ones', () => {
  const { input, problems } = core.parseTco(SAMPLE);
  assert.deepEqual(problems, []);
  assert.deepEqual(input, {
    currency: 'INR',
    infrastructureMonthly: 'auto',
    monthlyCosts: { operations: 40000, tooling: 5000.5, expertise: 0 },
    oneTimeCosts: { training: 150000, consulting: 0, migration: 250000, testing: 0 },
    monthlyBenefits: { debuggingTimeSaved: 60000, fasterIncidentResolution: 0, preventedIncidents: 20000, fewerPages: 4999.5 },
  });
  assert.deepEqual(core.parseTco('').input, core.DEFAULT_TCO_INPUT);
});

test('TCO: monthly cost, monthly benefit, 3-year totals, ROI and payback month', () => {
  // infrastructure 2,313.20 / month (the istio-payments fixture)
  const t = core.computeTco(core.parseTco(SAMPLE).input, 231320, 'INR');
  assert.equal(t.monthlyCost, 231320 + 4000000 + 500050); // 47,313.70
  assert.equal(t.oneTimeCost, 40000000); // 400,000.00
  assert.equal(t.monthlyBenefit, 6000000 + 2000000 + 499950); // 84,999.50
  assert.equal(t.threeYearCost, 40000000 + 36 * 4731370); // 2,103,293.20
  assert.equal(t.threeYearBenefit, 36 * 8499950); // 3,059,982.00
  assert.equal(t.netBenefit, 305998200 - 210329320);
  // (3,059,982.00 − 2,103,293.20) / 2,103,293.20 = 45.485…%
  assert.equal(t.roiPercent, 45.5);
  // 400,000 / (84,999.50 − 47,313.70) = 10.61… → month 11
  assert.equal(t.paybackMonth, 11);
  assert.deepEqual(t.lines.monthlyBenefits.map((l) => l.name), ['debuggingTimeSaved', 'fasterIncidentResolution', 'preventedIncidents', 'fewerPages']);
  assert.equal(t.infrastructureSource, 'computed');
});

test('TCO: payback never, ROI without cost, and an infrastructure figure from the file', () => {
  const never = core.computeTco(core.parseTco('monthlyCosts: { operations: 1000 }\nmonthlyBenefits: { preventedIncidents: 500 }').input, 0, 'INR');
  assert.equal(never.paybackMonth, null);
  assert.equal(never.roiPercent, -50);
  const free = core.computeTco(core.DEFAULT_TCO_INPUT, 0, 'INR');
  assert.equal(free.roiPercent, null);
  const immediate = core.computeTco(core.parseTco('monthlyBenefits: { preventedIncidents: 500 }').input, 0, 'INR');
  assert.equal(immediate.paybackMonth, 1);
  const given = core.computeTco(core.parseTco('infrastructureMonthly: 1234.56').input, 999999, 'INR');
  assert.equal(given.infrastructureMonthly, 123456);
  assert.equal(given.infrastructureSource, 'tco.yaml');
});

test('tco.yaml problems are reported with their path and fall back to defaults', () => {
  const { input, problems } = core.parseTco('monthlyCosts:\n  operations: -5\n  tooling: lots\noneTimeCosts: 7\ncurency: INR\ncurrency: rupees\n');
  assert.deepEqual(problems.map((p) => p.path), ['/curency', '/currency', '/monthlyCosts/operations', '/monthlyCosts/tooling', '/oneTimeCosts']);
  assert.equal(input.monthlyCosts.operations, 0);
  assert.deepEqual(input.oneTimeCosts, core.DEFAULT_TCO_INPUT.oneTimeCosts);
  assert.match(core.parseTco('a: [').problems[0].message, /not valid YAML/);
  assert.equal(core.parseTco('- 1\n- 2').problems[0].path, '');
});
