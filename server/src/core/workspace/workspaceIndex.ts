// Every resource of the workspace, keyed by kind, namespace and name, updated one file at a
// time. Cross-resource rules query it; they never open files.
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

export class WorkspaceIndex {
  private readonly files = new Map<string, readonly IndexedResource[]>();
  private readonly lines = new Map<string, LineIndex>();
  private kinds: Map<string, IndexedResource[]> | undefined;
  /** Bumped on every change, so callers can tell whether cached results are stale. */
  generation = 0;
  /**
   * Counts queries. runRules compares it around a rule's check: a check that queried
   * nothing depends on its resource alone, so its findings can be reused until that
   * resource changes.
   */
  reads = 0;

  constructor(readonly defaultNamespace = 'default') {}

  setFile(uri: string, file: AnalyzedFile): void {
    const entries: IndexedResource[] = [];
    // a template's resources hold placeholders where values are templated
    if (!file.isTemplate) for (const { offset, analysis } of file.documents) {
      for (const resource of analysis.resources) entries.push(this.entry(uri, resource, offset));
    }
    this.files.set(uri, entries);
    this.lines.set(uri, file.lineIndex);
    this.kinds = undefined;
    this.generation++;
  }

  /** For callers that have resources without a file analysis (tests, other sources). */
  setResources(uri: string, resources: readonly { resource: Resource; base: number }[]): void {
    this.files.set(uri, resources.map((r) => this.entry(uri, r.resource, r.base)));
    this.kinds = undefined;
    this.generation++;
  }

  deleteFile(uri: string): void {
    this.lines.delete(uri);
    if (this.files.delete(uri)) {
      this.kinds = undefined;
      this.generation++;
    }
  }

  hasFile(uri: string): boolean {
    this.reads++;
    return this.files.has(uri);
  }

  uris(): string[] {
    this.reads++;
    return [...this.files.keys()];
  }

  /** Offsets → positions for a file indexed with setFile. */
  lineIndex(uri: string): LineIndex | undefined {
    this.reads++;
    return this.lines.get(uri);
  }

  inFile(uri: string): readonly IndexedResource[] {
    this.reads++;
    return this.files.get(uri) ?? [];
  }

  all(): IndexedResource[] {
    this.reads++;
    return [...this.files.values()].flat();
  }

  /** Resources of a kind, optionally only of one API group (HTTPRoute exists in several). */
  ofKind(kind: string, group?: string): readonly IndexedResource[] {
    this.reads++;
    if (!this.kinds) {
      this.kinds = new Map();
      for (const list of this.files.values()) {
        for (const entry of list) {
          const bucket = this.kinds.get(entry.resource.kind);
          if (bucket) bucket.push(entry);
          else this.kinds.set(entry.resource.kind, [entry]);
        }
      }
    }
    const found = this.kinds.get(kind) ?? [];
    return group === undefined ? found : found.filter((e) => e.group === group);
  }

  find(kind: string, namespace: string, name: string, group?: string): IndexedResource | undefined {
    this.reads++;
    return this.ofKind(kind, group).find((e) => e.namespace === namespace && e.resource.name === name);
  }

  private entry(uri: string, resource: Resource, base: number): IndexedResource {
    return { uri, resource, namespace: resolvedNamespace(resource, this.defaultNamespace), group: apiGroup(resource.apiVersion), base };
  }
}
