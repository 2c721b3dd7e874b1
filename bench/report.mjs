// Figures → the printed table. Figures only: the targets stand beside them, never judged
// here as pass/fail, and nothing in the bench fails on them.

/** Nearest-rank percentile of numbers (p in 0..1). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export const median = (values) => percentile(values, 0.5);

const ms = (v) => (Number.isFinite(v) ? `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ms` : 'n/a');
const mb = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} MB` : 'n/a');
// Two significant figures below 1 so a 0.0065× ratio does not print as 0.01×.
const times = (v) => (Number.isFinite(v) ? `${v < 1 ? v.toPrecision(2) : v.toFixed(2)}×` : 'n/a');
const signedMb = (v) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(0)} MB` : 'n/a');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}

/** Summary of one server's run, or undefined when it did not run. */
export function summarise(run) {
  if (!run) return undefined;
  const edits = run.edits.map((e) => e.ms);
  return {
    full: run.fullMs,
    fullCpu: run.fullCpuMs,
    editCpu: run.editCpuMs,
    p50: median(edits),
    p95: percentile(edits, 0.95),
    max: Math.max(...edits),
    editCount: edits.length,
    rssOpen: run.memory[0]?.rssMB,
    rssEnd: run.memory.at(-1)?.rssMB,
    peak: run.memory.at(-1)?.peakMB,
    diagnostics: run.diagnosticsAfterOpen,
    series: run.memory,
  };
}

/**
 * @param {{ file: object, bare: { min: number, median: number, runs: number },
 *   ours?: object, ref?: object, oursError?: string, refError?: string, notes: string[] }} r
 */
export function formatReport(r) {
  const a = summarise(r.ours);
  const b = summarise(r.ref);
  const ratio = (x, y) => (Number.isFinite(x) && Number.isFinite(y) && y > 0 ? times(x / y) : 'n/a');
  const rows = [
    ['metric', 'mumbai-mesh', 'yaml-language-server', 'ratio (mm/yls)', 'target (mumbai-mesh)'],
    ['bare yaml parseAllDocuments, median (min)', `${ms(r.bare.median)} (${ms(r.bare.min)})`, 'same floor', '', 'the floor'],
    ['  its CPU time, median', ms(r.bare.cpuMedian), 'same floor', '', ''],
    ['  first call in a fresh process, median', ms(r.bare.coldMedian), 'same', '', 'for reference'],
    ['full validation: didOpen → diagnostics', ms(a?.full), ms(b?.full), ratio(a?.full, b?.full), '≤ 1.2× bare parse'],
    ['  full validation / bare parse (median)', ratio(a?.full, r.bare.median), ratio(b?.full, r.bare.median), '', '≤ 1.20×'],
    ['  full validation / first-call parse', ratio(a?.full, r.bare.coldMedian), ratio(b?.full, r.bare.coldMedian), '', ''],
    ['  server CPU time for it', ms(a?.fullCpu), ms(b?.fullCpu), ratio(a?.fullCpu, b?.fullCpu), ''],
    ['  server CPU / bare parse CPU (median)', ratio(a?.fullCpu, r.bare.cpuMedian), ratio(b?.fullCpu, r.bare.cpuMedian), '', '≤ 1.20×'],
    ['one-line edit → diagnostics, p50', ms(a?.p50), ms(b?.p50), ratio(a?.p50, b?.p50), ''],
    ['one-line edit → diagnostics, p95', ms(a?.p95), ms(b?.p95), ratio(a?.p95, b?.p95), '≤ 20 ms'],
    ['one-line edit → diagnostics, max', ms(a?.max), ms(b?.max), '', ''],
    ['  server CPU time per edit, mean', ms(a?.editCpu), ms(b?.editCpu), ratio(a?.editCpu, b?.editCpu), ''],
    ['edits measured', a?.editCount ?? 'n/a', b?.editCount ?? 'n/a', '', ''],
    ['server RSS after open', mb(a?.rssOpen), mb(b?.rssOpen), ratio(a?.rssOpen, b?.rssOpen), '≤ 150 MB'],
    ['server RSS after the edits', mb(a?.rssEnd), mb(b?.rssEnd), ratio(a?.rssEnd, b?.rssEnd), '≤ 150 MB'],
    ['  RSS growth over the edits', signedMb(a?.rssEnd - a?.rssOpen), signedMb(b?.rssEnd - b?.rssOpen), '', 'flat'],
    ['peak RSS (VmHWM)', mb(a?.peak), mb(b?.peak), ratio(a?.peak, b?.peak), ''],
    ['diagnostics after open', a?.diagnostics ?? 'n/a', b?.diagnostics ?? 'n/a', '', 'non-empty'],
  ];
  const out = [
    `file: ${r.file.bytes} bytes, ${r.file.lines} lines, ${r.file.documents} documents, ` +
      `${r.file.mistakes} deliberate mistakes (seed ${r.file.seed})`,
    `machine: ${r.machine}`,
    '',
    table(rows),
    '',
  ];
  for (const [label, s] of [['mumbai-mesh', a], ['yaml-language-server', b]]) {
    if (s) out.push(`RSS over the edits, ${label}: ${s.series.map((m) => `${m.afterEdits}:${m.rssMB.toFixed(0)}`).join(' ')} (edits:MB)`);
  }
  if (r.oursError) out.push(`mumbai-mesh: NOT MEASURED: ${r.oursError}`);
  if (r.refError) out.push(`yaml-language-server: NOT MEASURED: ${r.refError}`);
  out.push('', ...r.notes.map((n) => `note: ${n}`));
  return out.join('\n');
}
