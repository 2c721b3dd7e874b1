// Runs the cross-resource rules over the resources of one file against the whole
// workspace index. Offsets in the findings are absolute in that file.
//
// After a one-line edit only one resource of the file is new, so work is remembered per
// resource (the Resource object lives as long as its YAML document is unchanged): which
// rules apply to it, and the findings of every check that asked the index nothing — those
// depend on the resource and the settings alone. Checks that did query the index run
// again each time; they read per-generation derived data, so each is a lookup.
import type { Finding } from '../finding';
import type { Resource } from '../parse/extractResources';
import { createLocator } from '../parse/locator';
import type { Settings } from '../settings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Rule } from './rule';

interface Remembered {
  readonly settings: Settings;
  readonly rules: readonly Rule[];
  readonly applicable: readonly Rule[];
  /** Findings of index-free checks, offsets relative to the resource's document. */
  readonly local: Map<Rule, readonly Finding[]>;
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
      remembered = { settings, rules, applicable: rules.filter((rule) => rule.appliesTo(resource)), local: new Map() };
      perIndex.set(resource.resource, remembered);
    }
    let locator;
    for (const rule of remembered.applicable) {
      if (settings.rules[rule.code] === 'off') continue;
      const known = remembered.local.get(rule);
      if (known) {
        findings.push(...shift(known, resource.base));
        continue;
      }
      locator ??= createLocator(resource.resource.node, resource.base);
      const readsBefore = index.reads;
      const found = rule.check({ resource, index, settings, locator });
      if (index.reads === readsBefore) remembered.local.set(rule, shift(found, -resource.base));
      findings.push(...found);
    }
  }
  return findings;
}
