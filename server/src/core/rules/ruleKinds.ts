// The kind and API group an `ofKind` test accepts, remembered with the test, so runRules
// can skip rules meant for other kinds without calling each one's appliesTo for every
// resource (most rules look at one kind; a workspace has thousands of resources).
import type { IndexedResource } from '../workspace/workspaceIndex';
import type { Rule } from './rule';

type KindTest = (resource: { resource: { kind: string }; group: string }) => boolean;

const kinds = new WeakMap<KindTest, { readonly kind: string; readonly group: string }>();

/** appliesTo for rules that look at one kind of one API group. */
export function ofKind(kind: string, group: string): KindTest {
  const test: KindTest = (r) => r.resource.kind === kind && r.group === group;
  kinds.set(test, { kind, group });
  return test;
}

/** The only kind and group `appliesTo` can accept, if it was made by ofKind. */
function onlyKind(appliesTo: unknown): { readonly kind: string; readonly group: string } | undefined {
  return typeof appliesTo === 'function' ? kinds.get(appliesTo as KindTest) : undefined;
}

/** Per rule list and `group/kind`: the rules that may apply, in order (ofKind rules of other kinds left out). */
const candidates = new WeakMap<readonly Rule[], Map<string, readonly Rule[]>>();

export function rulesFor(rules: readonly Rule[], entry: IndexedResource): readonly Rule[] {
  let byKind = candidates.get(rules);
  if (!byKind) {
    byKind = new Map();
    candidates.set(rules, byKind);
  }
  const key = `${entry.group}/${entry.resource.kind}`;
  let found = byKind.get(key);
  if (!found) {
    found = rules.filter((rule) => {
      const only = onlyKind(rule.appliesTo);
      return !only || (only.kind === entry.resource.kind && only.group === entry.group);
    });
    byKind.set(key, found);
  }
  return found;
}
