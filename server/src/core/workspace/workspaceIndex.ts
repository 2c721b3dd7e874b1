// Every resource of the workspace, keyed by kind, namespace and name, updated one file at a
// time. Cross-resource rules query it; they never open files.
//
// Change tracking: every change bumps `generation`, and the kinds whose resources were
// added, removed, replaced or reordered get that generation as their kind generation.
// `track` records what a computation read (kinds, or '*' for whole-index reads), and
// `unchangedSince` tells whether such a result, computed at some generation, still holds.
// Besides kinds, a dependency can be a derived value (derivedIndex.ts) registered with
// `defineDerived`: it reports the generation at which its value last changed, which can be
// older than the last change of the kinds it read (a projection that stayed the same).
import type { AnalyzedFile } from '../analyzeFile';
import type { Resource } from '../parse/extractResources';
import type { LineIndex } from '../parse/lineIndex';
import { apiGroup, resolvedNamespace } from './resourceIdentity';
import { compareByIdentity } from './sameData';

export interface IndexedResource {
  readonly uri: string;
  readonly resource: Resource;
  /** metadata.namespace, else the default namespace ('' for Namespace objects). */
  readonly namespace: string;
  readonly group: string;
  /** Offset of the resource's YAML document in its file (node ranges are relative to it). */
  readonly base: number;
}

/** What a computation read from the index: kinds, derived values, or '*' (everything). */
export type Dependencies = ReadonlySet<string>;

/** Reads of the whole index (files, positions, every resource) depend on everything. */
export const EVERYTHING = '*';
/** The dependency of `namespacesInUse` (no kind has this name). */
const NAMESPACES_IN_USE = '#namespaces';

type Entry = { -readonly [K in keyof IndexedResource]: IndexedResource[K] };

export class WorkspaceIndex {
  private readonly files = new Map<string, readonly IndexedResource[]>();
  private readonly lines = new Map<string, LineIndex>();
  private kinds: Map<string, IndexedResource[]> | undefined;
  /** Position of every entry in workspace order (files in index order, then documents). */
  private order: Map<IndexedResource, number> | undefined;
  /** Per kind, `group|namespace|name` → the first such entry (see lookup). */
  private readonly keyed = new Map<string, Map<string, IndexedResource>>();
  /** How many entries live in each (non-empty) namespace. */
  private readonly namespaceCounts = new Map<string, number>();
  private namespaceSet: Set<string> | undefined;
  /** The generation at which each kind last changed. */
  private readonly kindGenerations = new Map<string, number>();
  /** Derived values as dependencies: name → brings it up to date, returns when it last changed. */
  private readonly derivedChanges = new Map<string, () => number>();
  /** Open tracking scopes, innermost last. */
  private readonly scopes: Set<string>[] = [];
  /** Bumped on every change, so callers can tell whether cached results are stale. */
  generation = 0;

  constructor(readonly defaultNamespace = 'default') {}

  setFile(uri: string, file: AnalyzedFile): void {
    const placed: { resource: Resource; base: number }[] = [];
    // a template's resources hold placeholders where values are templated
    if (!file.isTemplate) for (const { offset, analysis } of file.documents) {
      for (const resource of analysis.resources) placed.push({ resource, base: offset });
    }
    this.replace(uri, placed);
    this.lines.set(uri, file.lineIndex);
  }

  /** For callers that have resources without a file analysis (tests, other sources). */
  setResources(uri: string, resources: readonly { resource: Resource; base: number }[]): void {
    this.replace(uri, resources);
  }

  deleteFile(uri: string): void {
    this.lines.delete(uri);
    const old = this.files.get(uri);
    if (old && this.files.delete(uri)) {
      this.generation++;
      for (const e of old) this.kindGenerations.set(e.resource.kind, this.generation);
      this.countNamespaces(old, -1);
      this.kinds = undefined;
      this.order = undefined;
      this.keyed.clear();
    }
  }

  /**
   * Runs `fn` and returns its result with the dependencies it read. Scopes nest: what an
   * inner scope read is also a dependency of the scopes around it.
   */
  track<T>(fn: () => T): { result: T; deps: Dependencies } {
    const tracked = this.trackApart(fn);
    this.depend(tracked.deps);
    return tracked;
  }

  /** Like track, but what `fn` read is not passed on to the scopes around it. */
  trackApart<T>(fn: () => T): { result: T; deps: Dependencies } {
    const deps = new Set<string>();
    this.scopes.push(deps);
    try {
      return { result: fn(), deps };
    } finally {
      this.scopes.pop();
    }
  }

  /**
   * Makes `name` a dependency whose change is known only by asking: `changedAt` brings the
   * value up to date and returns the generation at which it last changed.
   */
  defineDerived(name: string, changedAt: () => number): void {
    this.derivedChanges.set(name, changedAt);
  }

  /** Adds dependencies to the innermost open tracking scope (a cached result's, say). */
  depend(deps: Iterable<string>): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope || scope.has(EVERYTHING)) return;
    for (const d of deps) {
      if (d === EVERYTHING) {
        scope.clear();
        scope.add(EVERYTHING);
        return;
      }
      scope.add(d);
    }
  }

  /** Whether a result with these dependencies, computed at `generation`, still holds. */
  unchangedSince(deps: Dependencies, generation: number): boolean {
    if (deps.has(EVERYTHING)) return this.generation === generation;
    if (generation === this.generation) return true;
    for (const dep of deps) {
      const changedAt = this.derivedChanges.get(dep);
      if ((changedAt ? changedAt() : this.kindGenerations.get(dep) ?? 0) > generation) return false;
    }
    return true;
  }

  hasFile(uri: string): boolean {
    this.readEverything();
    return this.files.has(uri);
  }

  uris(): string[] {
    this.readEverything();
    return [...this.files.keys()];
  }

  /** Offsets → positions for a file indexed with setFile. */
  lineIndex(uri: string): LineIndex | undefined {
    this.readEverything();
    return this.lines.get(uri);
  }

  inFile(uri: string): readonly IndexedResource[] {
    this.readEverything();
    return this.files.get(uri) ?? [];
  }

  all(): IndexedResource[] {
    this.readEverything();
    return [...this.files.values()].flat();
  }

  /** Resources of a kind, optionally only of one API group (HTTPRoute exists in several). */
  ofKind(kind: string, group?: string): readonly IndexedResource[] {
    this.readKind(kind);
    const found = this.kindMap().get(kind) ?? [];
    return group === undefined ? found : found.filter((e) => e.group === group);
  }

  /** Resources of any of these kinds, in workspace order (as `all()` lists them). */
  ofKinds(kinds: readonly string[]): IndexedResource[] {
    const found: IndexedResource[] = [];
    let lists = 0;
    for (const kind of kinds) {
      const list = this.ofKind(kind);
      if (list.length > 0) lists++;
      found.push(...list);
    }
    if (lists < 2) return found;
    const order = this.order!;
    return found.sort((a, b) => order.get(a)! - order.get(b)!);
  }

  /**
   * The first resource (in workspace order) of that kind and API group with that namespace
   * and name; a missing name counts as ''. A by-kind read, answered from a map.
   */
  lookup(kind: string, group: string, namespace: string, name: string): IndexedResource | undefined {
    this.readKind(kind);
    let keyed = this.keyed.get(kind);
    if (!keyed) {
      keyed = new Map();
      for (const e of this.kindMap().get(kind) ?? []) {
        const key = `${e.group}|${e.namespace}|${e.resource.name ?? ''}`;
        if (!keyed.has(key)) keyed.set(key, e);
      }
      this.keyed.set(kind, keyed);
    }
    return keyed.get(`${group}|${namespace}|${name}`);
  }

  /**
   * Every namespace a resource of the workspace lives in (not the names of Namespace
   * objects). Depends on that set only, not on which resources use it.
   */
  namespacesInUse(): ReadonlySet<string> {
    this.readKind(NAMESPACES_IN_USE);
    return this.namespaceSet ??= new Set(this.namespaceCounts.keys());
  }

  find(kind: string, namespace: string, name: string, group?: string): IndexedResource | undefined {
    return this.ofKind(kind, group).find((e) => e.namespace === namespace && e.resource.name === name);
  }

  private kindMap(): Map<string, IndexedResource[]> {
    if (!this.kinds) {
      this.kinds = new Map();
      this.order = new Map();
      for (const list of this.files.values()) {
        for (const entry of list) {
          this.order.set(entry, this.order.size);
          const bucket = this.kinds.get(entry.resource.kind);
          if (bucket) bucket.push(entry);
          else this.kinds.set(entry.resource.kind, [entry]);
        }
      }
    }
    return this.kinds;
  }

  private readKind(kind: string): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (scope && !scope.has(EVERYTHING)) scope.add(kind);
  }

  private readEverything(): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (scope && !scope.has(EVERYTHING)) {
      scope.clear();
      scope.add(EVERYTHING);
    }
  }

  /**
   * Replaces a file's entries. An unchanged resource (same Resource object) keeps its entry
   * object, with the base moved if its document moved, so results keyed by entry stay valid.
   * Kinds of added or removed resources change; if the kept resources changed order, every
   * kind of the file does.
   */
  private replace(uri: string, placed: readonly { resource: Resource; base: number }[]): void {
    const old = this.files.get(uri) ?? [];
    if (this.replaceFew(uri, old, placed)) return;
    const oldByResource = new Map<Resource, Entry>();
    for (const e of old) if (!oldByResource.has(e.resource)) oldByResource.set(e.resource, e as Entry);
    const entries: IndexedResource[] = [];
    const kept = new Set<IndexedResource>();
    const changed = new Set<string>();
    for (const { resource, base } of placed) {
      const reused = oldByResource.get(resource);
      if (reused && !kept.has(reused)) {
        reused.base = base;
        kept.add(reused);
        entries.push(reused);
      } else {
        changed.add(resource.kind);
        entries.push(this.entry(uri, resource, base));
      }
    }
    const removed = old.filter((e) => !kept.has(e));
    for (const e of removed) changed.add(e.resource.kind);
    // the kept entries must keep their relative order, or order-dependent results change
    const oldKept = old.filter((e) => kept.has(e));
    const newKept = entries.filter((e) => kept.has(e));
    if (oldKept.some((e, i) => e !== newKept[i])) for (const e of [...old, ...entries]) changed.add(e.resource.kind);
    this.files.set(uri, entries);
    this.generation++;
    for (const kind of changed) this.kindGenerations.set(kind, this.generation);
    this.countNamespaces(removed, -1);
    this.countNamespaces(entries.filter((e) => !kept.has(e)), 1);
    if (changed.size === 0) return;
    for (const kind of changed) this.keyed.delete(kind);
    this.reposition(old, entries);
  }

  /**
   * The kind lists and workspace order after a file's entries changed. Positions move only
   * when entries come or go: a resource replaced by one of the same kind in its place (an
   * edit) takes its slot; otherwise the lists are dropped and rebuilt when next read.
   */
  private reposition(old: readonly IndexedResource[], entries: readonly IndexedResource[]): void {
    if (!this.kinds || !this.order || !this.replaceInPlace(old, entries)) {
      this.kinds = undefined;
      this.order = undefined;
    }
  }

  /**
   * Puts each new entry where the one at its position was, when every position keeps its
   * kind and holds either the same entry or a new one (no entry moved); false (nothing
   * done) otherwise. Kind lists are copied, never changed in place: someone may still hold
   * the old one.
   */
  private replaceInPlace(old: readonly IndexedResource[], entries: readonly IndexedResource[]): boolean {
    if (old.length !== entries.length) return false;
    const kinds = this.kinds!;
    const order = this.order!;
    for (let i = 0; i < old.length; i++) {
      if (old[i] === entries[i]) continue;
      // an entry already placed is a kept one that moved
      if (old[i].resource.kind !== entries[i].resource.kind || order.has(entries[i])) return false;
    }
    const copied = new Set<string>();
    for (let i = 0; i < old.length; i++) {
      const before = old[i];
      const after = entries[i];
      if (before === after) continue;
      const kind = before.resource.kind;
      let bucket = kinds.get(kind);
      const at = bucket ? bucket.indexOf(before) : -1;
      const position = order.get(before);
      if (!bucket || at < 0 || position === undefined) return false;
      if (!copied.has(kind)) {
        bucket = bucket.slice();
        kinds.set(kind, bucket);
        copied.add(kind);
      }
      bucket[at] = after;
      order.delete(before);
      order.set(after, position);
    }
    return true;
  }

  /**
   * The common case of an edit, without maps over the whole file: the same number of
   * resources, and at most a few positions hold a new resource that was nowhere in the file
   * before (and whose old resource is nowhere in it now). Those get new entries; every other
   * position keeps its entry. False (nothing done) when the edit is not of that shape.
   */
  private replaceFew(uri: string, old: readonly IndexedResource[], placed: readonly { resource: Resource; base: number }[]): boolean {
    if (old.length === 0 || old.length !== placed.length) return false;
    const differ: number[] = [];
    for (let i = 0; i < old.length; i++) {
      if (old[i].resource === placed[i].resource) continue;
      if (differ.length === 4) return false;
      differ.push(i);
    }
    for (const i of differ) {
      for (let j = 0; j < old.length; j++) {
        if (old[j].resource === placed[i].resource || placed[j].resource === old[i].resource) return false;
      }
    }
    const entries = old.slice();
    for (let i = 0; i < old.length; i++) if (old[i].resource === placed[i].resource) (old[i] as Entry).base = placed[i].base;
    this.generation++;
    const added: IndexedResource[] = [];
    const removed: IndexedResource[] = [];
    for (const i of differ) {
      removed.push(old[i]);
      entries[i] = this.entry(uri, placed[i].resource, placed[i].base);
      added.push(entries[i]);
      this.kindGenerations.set(old[i].resource.kind, this.generation);
      this.kindGenerations.set(entries[i].resource.kind, this.generation);
    }
    this.files.set(uri, entries);
    this.countNamespaces(removed, -1);
    this.countNamespaces(added, 1);
    if (differ.length === 0) return true;
    for (const i of differ) {
      this.keyed.delete(old[i].resource.kind);
      this.keyed.delete(entries[i].resource.kind);
    }
    this.reposition(old, entries);
    return true;
  }

  /** Keeps namespaceCounts up to date; a namespace coming or going changes namespacesInUse. */
  private countNamespaces(entries: readonly IndexedResource[], by: 1 | -1): void {
    for (const { namespace } of entries) {
      if (!namespace) continue;
      const count = (this.namespaceCounts.get(namespace) ?? 0) + by;
      if (count > 0) this.namespaceCounts.set(namespace, count);
      else this.namespaceCounts.delete(namespace);
      if (count === 0 || (count === 1 && by === 1)) {
        this.namespaceSet = undefined;
        this.kindGenerations.set(NAMESPACES_IN_USE, this.generation);
      }
    }
  }

  private entry(uri: string, resource: Resource, base: number): IndexedResource {
    // an entry stands for its resource: derived data holding it is compared by identity
    return compareByIdentity({ uri, resource, namespace: resolvedNamespace(resource, this.defaultNamespace), group: apiGroup(resource.apiVersion), base });
  }
}
