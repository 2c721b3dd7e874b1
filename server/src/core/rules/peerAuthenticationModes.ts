// The mutual-TLS mode PeerAuthentications give a workload, resolved as istiod does
// (pilot/pkg/security/authn: workload policy, else namespace policy, else the mesh-wide
// one in the root namespace, else PERMISSIVE; `UNSET` inherits; a workload policy's
// `portLevelMtls` overrides its mode for that port). With several candidates at one level
// Istio takes the oldest; here the first in the workspace. Indexed once, kept until the inputs change.
import { derivedData } from '../workspace/derivedIndex';
import type { IndexedResource, WorkspaceIndex } from '../workspace/workspaceIndex';
import { SECURITY } from './istioRule';
import { selectorMatches, type Labels } from './labelSelector';
import { meshConfig } from './meshConfig';
import { at, record, spec, stringMap, text } from './plainValue';

export interface ModeSource {
  readonly mode: string;
  /** The deciding PeerAuthentication; undefined when Istio's default (PERMISSIVE) applies. */
  readonly policy?: IndexedResource;
}

interface Index {
  readonly mesh?: IndexedResource;
  readonly namespaceWide: ReadonlyMap<string, IndexedResource>;
  readonly withSelector: ReadonlyMap<string, readonly { entry: IndexedResource; selector: Labels }[]>;
}

export function mtlsMode(entry: IndexedResource): string {
  return text(at(spec(entry.resource.value), 'mtls', 'mode')) || 'UNSET';
}

function build(index: WorkspaceIndex): Index {
  const root = meshConfig(index).rootNamespace;
  let mesh: IndexedResource | undefined;
  const namespaceWide = new Map<string, IndexedResource>();
  const withSelector = new Map<string, { entry: IndexedResource; selector: Labels }[]>();
  for (const entry of index.ofKind('PeerAuthentication', SECURITY)) {
    const selector = stringMap(at(spec(entry.resource.value), 'selector', 'matchLabels'));
    if (Object.keys(selector).length > 0) {
      withSelector.set(entry.namespace, [...(withSelector.get(entry.namespace) ?? []), { entry, selector }]);
    } else if (entry.namespace === root) {
      mesh ??= entry;
    } else if (!namespaceWide.has(entry.namespace)) {
      namespaceWide.set(entry.namespace, entry);
    }
  }
  return { mesh, namespaceWide, withSelector };
}

function peerIndex(index: WorkspaceIndex): Index {
  return derivedData(index, 'peerAuthenticationModes', build);
}

export function meshMode(index: WorkspaceIndex): ModeSource {
  const mesh = peerIndex(index).mesh;
  const mode = mesh ? mtlsMode(mesh) : 'UNSET';
  return mode !== 'UNSET' ? { mode, policy: mesh } : { mode: 'PERMISSIVE' };
}

export function namespaceMode(index: WorkspaceIndex, namespace: string): ModeSource {
  const ns = peerIndex(index).namespaceWide.get(namespace);
  const mode = ns ? mtlsMode(ns) : 'UNSET';
  return mode !== 'UNSET' ? { mode, policy: ns } : meshMode(index);
}

/** The mode for a workload with these labels in this namespace, on `port` if given. */
export function workloadMode(index: WorkspaceIndex, namespace: string, labels: Labels, port?: number): ModeSource {
  const match = (peerIndex(index).withSelector.get(namespace) ?? []).find((p) => selectorMatches(p.selector, labels));
  if (match) {
    const portMode = port !== undefined ? text(record(at(spec(match.entry.resource.value), 'portLevelMtls', String(port)))?.mode) : '';
    if (portMode && portMode !== 'UNSET') return { mode: portMode, policy: match.entry };
    const mode = mtlsMode(match.entry);
    if (mode !== 'UNSET') return { mode, policy: match.entry };
  }
  return namespaceMode(index, namespace);
}
