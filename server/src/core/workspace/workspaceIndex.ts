// Every resource of the workspace, keyed by kind, namespace and name, updated one file at a
// time. Cross-resource rules query it; they never open files.
//
// Change tracking: every change bumps `generation`, and the kinds whose resources were
// added, removed, replaced or reordered get that generation as their kind generation.
// `track` records what a computation read (kinds, or '*' for whole-index reads), and
// `unchangedSince` tells whether such a result, computed at some generation, still holds.
import type { AnalyzedFile } from '../analyzeFile';
import type { Resource } from '../parse/extractResources';
import type { LineIndex } from '../parse/lineIndex';
import { apiGroup, resolvedNamespace } from './resourceIdentity';

export interface IndexedResource {
  readonly uri: string;
  readonly resource: Resource;
  /** metadata.namespace, else the default namespace ('' for Namespace objects). */
  readonly namespace: string;
  readonly group: string;
  /** Offset of the resource's YAML document in its file (node ranges are relative to it). */
  readonly base: number;
}

/** What a computation read from the index: kinds, or '*' (everything). */
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
    const deps = new Set<string>();
    this.scopes.push(deps);
    try {
      return { result: fn(), deps };
    } finally {
      this.scopes.pop();
      this.depend(deps);
    }
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
    for (const kind of deps) if ((this.kindGenerations.get(kind) ?? 0) > generation) return false;
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
    for (const kind of kinds) found.push(...this.ofKind(kind));
    if (kinds.length < 2) return found;
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
    // positions in the kind lists and workspace order move only when entries come or go
    if (changed.size > 0) {
      this.kinds = undefined;
      this.order = undefined;
      this.keyed.clear();
    }
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
    return { uri, resource, namespace: resolvedNamespace(resource, this.defaultNamespace), group: apiGroup(resource.apiVersion), base };
  }
}
