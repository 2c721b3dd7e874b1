// Runs the cross-resource rules over the resources of one file against the whole
// workspace index. Offsets in the findings are absolute in that file.
//
// After a one-line edit only one resource of the file is new, so work is remembered per
// resource (the Resource object lives as long as its YAML document is unchanged): which
// rules apply to it, and the findings of every check together with what the check read
// from the index (kinds, or everything) and the generation it ran at. A check runs again
// only once something it read has changed since; one that read nothing depends on its
// resource and the settings alone.
import type { Finding } from '../finding';
import type { Resource } from '../parse/extractResources';
import { createLocator } from '../parse/locator';
import type { Settings } from '../settings';
import { EVERYTHING, type Dependencies, type WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Rule } from './rule';

interface Checked {
  /** Offsets relative to the resource's document. */
  readonly findings: readonly Finding[];
  readonly deps: Dependencies;
  generation: number;
}

interface Remembered {
  readonly settings: Settings;
  readonly rules: readonly Rule[];
  readonly applicable: readonly Rule[];
  readonly checked: Map<Rule, Checked>;
  /** All the resource's findings (relative), valid while the union of the checks' deps is. */
  summary?: Checked;
}

const memory = new WeakMap<WorkspaceIndex, WeakMap<Resource, Remembered>>();

function shift(findings: readonly Finding[], by: number): Finding[] {
  return by === 0 ? [...findings] : findings.map((f) => ({ ...f, start: f.start + by, end: f.end + by }));
}

export function runRules(uri: string, index: WorkspaceIndex, settings: Settings, rules: readonly Rule[]): Finding[] {
  let perIndex = memory.get(index);
  if (!perIndex) {
    perIndex = new WeakMap();
    memory.set(index, perIndex);
  }
  const findings: Finding[] = [];
  for (const resource of index.inFile(uri)) {
    let remembered = perIndex.get(resource.resource);
    if (!remembered || remembered.settings !== settings || remembered.rules !== rules) {
      remembered = { settings, rules, applicable: rules.filter((rule) => rule.appliesTo(resource)), checked: new Map() };
      perIndex.set(resource.resource, remembered);
    }
    // every check of the resource at once: one test instead of one per rule
    const summary = remembered.summary;
    if (summary && (summary.generation === index.generation || index.unchangedSince(summary.deps, summary.generation))) {
      summary.generation = index.generation;
      findings.push(...shift(summary.findings, resource.base));
      continue;
    }
    let locator;
    const all: Finding[] = [];
    const union = new Set<string>();
    for (const rule of remembered.applicable) {
      if (settings.rules[rule.code] === 'off') continue;
      let known = remembered.checked.get(rule);
      if (known && (known.generation === index.generation || index.unchangedSince(known.deps, known.generation))) {
        known.generation = index.generation;
      } else {
        locator ??= createLocator(resource.resource.node, resource.base);
        const generation = index.generation;
        const ctx = { resource, index, settings, locator };
        const { result: found, deps } = index.track(() => rule.check(ctx));
        known = { findings: shift(found, -resource.base), deps, generation };
        remembered.checked.set(rule, known);
      }
      all.push(...known.findings);
      for (const d of known.deps) union.add(d);
    }
    // each check holds at this generation, so together they hold while none of their deps changes
    remembered.summary = { findings: all, deps: union.has(EVERYTHING) ? new Set([EVERYTHING]) : union, generation: index.generation };
    findings.push(...shift(all, resource.base));
  }
  return findings;
}
