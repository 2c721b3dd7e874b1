// Runs the cross-resource rules over the resources of one file against the whole
// workspace index. Offsets in the findings are absolute in that file.
//
// After a one-line edit only one resource of the file is new, so work is remembered per
// resource (the Resource object lives as long as its YAML document is unchanged): which
// rules apply to it, and the findings of every check together with what the check read
// from the index (kinds, derived values, or everything) and the generation it ran at. A
// check runs again only once something it read has changed since; one that read nothing
// depends on its resource and the settings alone.
//
// The per-edit pass over every resource of the file is kept cheap: equal dependency lists
// share one Set, judged once per run; rules made with ofKind are not even asked about
// resources of other kinds; and a resource's findings at absolute offsets are reused
// while its document stays where it was (findings are read, never changed, downstream).
import type { Finding } from '../finding';
import type { Resource } from '../parse/extractResources';
import { createLocator } from '../parse/locator';
import type { Settings } from '../settings';
import { EVERYTHING, type Dependencies, type IndexedResource, type WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Rule } from './rule';
import { rulesFor } from './ruleKinds';

interface Checked {
  /** Offsets relative to the resource's document. */
  readonly findings: readonly Finding[];
  readonly deps: Dependencies;
  generation: number;
}

interface Summary extends Checked {
  /** The findings at absolute offsets, for a document at offset `at` (made when first asked). */
  placed?: readonly Finding[];
  at?: number;
}

interface Remembered {
  readonly settings: Settings;
  readonly rules: readonly Rule[];
  readonly applicable: readonly Rule[];
  readonly checked: Map<Rule, Checked>;
  /** All the resource's findings (relative), valid while the union of the checks' deps is. */
  summary?: Summary;
}

interface Memory {
  readonly resources: WeakMap<Resource, Remembered>;
  /** Per file, the index entries of the last run and what was remembered for each, by position. */
  readonly files: Map<string, { readonly entries: readonly IndexedResource[]; readonly remembered: readonly Remembered[] }>;
  /** One Set per distinct list of dependencies, so a verdict on it is reached once per run. */
  readonly interned: Map<string, Dependencies>;
}

const memory = new WeakMap<WorkspaceIndex, Memory>();

const NOTHING: Dependencies = new Set();

function intern(mem: Memory, deps: Dependencies): Dependencies {
  if (deps.size === 0) return NOTHING;
  const key = deps.has(EVERYTHING) ? EVERYTHING : deps.size === 1 ? deps.values().next().value! : [...deps].join('\n');
  let shared = mem.interned.get(key);
  if (!shared) {
    shared = deps.has(EVERYTHING) ? new Set([EVERYTHING]) : deps;
    mem.interned.set(key, shared);
  }
  return shared;
}

const NO_FINDINGS: readonly Finding[] = [];

function shift(findings: readonly Finding[], by: number): readonly Finding[] {
  if (findings.length === 0) return NO_FINDINGS;
  return by === 0 ? [...findings] : findings.map((f) => ({ ...f, start: f.start + by, end: f.end + by }));
}

/** Adds the summary's findings at the document's offset; kept while the document stays there. */
function place(out: Finding[], summary: Summary, base: number): void {
  if (summary.findings.length === 0) return;
  if (summary.at !== base || !summary.placed) {
    summary.placed = shift(summary.findings, base);
    summary.at = base;
  }
  for (const f of summary.placed) out.push(f);
}

export function runRules(uri: string, index: WorkspaceIndex, settings: Settings, rules: readonly Rule[]): Finding[] {
  let mem = memory.get(index);
  if (!mem) {
    mem = { resources: new WeakMap(), interned: new Map(), files: new Map() };
    memory.set(index, mem);
  }
  // many checks share their dependencies: judge each (dependencies, generation) pair once
  const verdicts = new Map<Dependencies, Map<number, boolean>>();
  const holds = (known: Checked): boolean => {
    if (known.generation === index.generation) return true;
    let byGeneration = verdicts.get(known.deps);
    if (!byGeneration) {
      byGeneration = new Map();
      verdicts.set(known.deps, byGeneration);
    }
    let verdict = byGeneration.get(known.generation);
    if (verdict === undefined) {
      verdict = index.unchangedSince(known.deps, known.generation);
      byGeneration.set(known.generation, verdict);
    }
    if (verdict) known.generation = index.generation;
    return verdict;
  };
  const findings: Finding[] = [];
  const entries = index.inFile(uri);
  // an edit keeps the index's entries in place but one: found by position, without a lookup
  const last = mem.files.get(uri);
  const lastEntries = last?.entries ?? [];
  const rememberedNow: Remembered[] = new Array(entries.length);
  if (entries.length > 0) mem.files.set(uri, { entries, remembered: rememberedNow });
  else mem.files.delete(uri);
  for (let i = 0; i < entries.length; i++) {
    const resource = entries[i];
    let remembered = (lastEntries[i] === resource ? last!.remembered[i] : undefined) ?? mem.resources.get(resource.resource);
    if (!remembered || remembered.settings !== settings || remembered.rules !== rules) {
      remembered = { settings, rules, applicable: rulesFor(rules, resource).filter((rule) => rule.appliesTo(resource)), checked: new Map() };
      mem.resources.set(resource.resource, remembered);
    }
    rememberedNow[i] = remembered;
    // every check of the resource at once: one test instead of one per rule
    const summary = remembered.summary;
    if (summary && holds(summary)) {
      place(findings, summary, resource.base);
      continue;
    }
    let locator;
    const all: Finding[] = [];
    const union = new Set<string>();
    for (const rule of remembered.applicable) {
      if (settings.rules[rule.code] === 'off') continue;
      let known = remembered.checked.get(rule);
      if (!known || !holds(known)) {
        locator ??= createLocator(() => resource.resource.node, resource.base);
        const generation = index.generation;
        const ctx = { resource, index, settings, locator };
        const { result: found, deps } = index.track(() => rule.check(ctx));
        known = { findings: shift(found, -resource.base), deps: intern(mem, deps), generation };
        remembered.checked.set(rule, known);
      }
      for (const f of known.findings) all.push(f);
      for (const d of known.deps) union.add(d);
    }
    // each check holds at this generation, so together they hold while none of their deps changes
    remembered.summary = { findings: all, deps: intern(mem, union), generation: index.generation };
    place(findings, remembered.summary, resource.base);
  }
  return findings;
}
