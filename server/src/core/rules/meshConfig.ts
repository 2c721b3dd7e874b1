// The few MeshConfig fields some analyzers read (root namespace, default access-log
// providers, extension providers, proxy metadata). istioctl reads them from the
// cluster; here they come from a ConfigMap `istio` in istio-system whose `data.mesh`
// holds the MeshConfig YAML, as Istio's Helm charts install it. Without one, Istio's
// defaults apply: root namespace istio-system, no default providers.
import { parse } from 'yaml';
import { derivedData } from '../workspace/derivedIndex';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { at, list, record, stringMap, strings, text, type Plain } from './plainValue';
import { ISTIO_SYSTEM } from './workloads';

export interface MeshConfig {
  readonly rootNamespace: string;
  readonly defaultAccessLogProviders: readonly string[];
  /** Extension provider name → provider type key (e.g. `lightstep`, `envoyOtelAls`). */
  readonly extensionProviders: ReadonlyMap<string, string>;
  readonly proxyMetadata: Readonly<Record<string, string>>;
}

export const DEFAULT_MESH_CONFIG: MeshConfig = { rootNamespace: ISTIO_SYSTEM, defaultAccessLogProviders: [], extensionProviders: new Map(), proxyMetadata: {} };

/** Reads the fields above from a MeshConfig object (as parsed from YAML). */
export function meshConfigFrom(value: unknown): MeshConfig {
  const mc: Plain = record(value) ?? {};
  const providers = new Map<string, string>();
  for (const p of list(mc.extensionProviders)) {
    const r = record(p);
    if (!r) continue;
    const kind = Object.keys(r).find((k) => k !== 'name');
    providers.set(text(r.name), kind ?? '');
  }
  return {
    rootNamespace: text(mc.rootNamespace) || ISTIO_SYSTEM,
    defaultAccessLogProviders: strings(at(mc, 'defaultProviders', 'accessLogging')),
    extensionProviders: providers,
    proxyMetadata: stringMap(at(mc, 'defaultConfig', 'proxyMetadata')),
  };
}

export function meshConfig(index: WorkspaceIndex): MeshConfig {
  return derivedData(index, 'meshConfig', (ix) => {
    const cm = ix.lookup('ConfigMap', '', ISTIO_SYSTEM, 'istio');
    const mesh = cm && at(cm.resource.value, 'data', 'mesh');
    if (typeof mesh !== 'string') return DEFAULT_MESH_CONFIG;
    try {
      return meshConfigFrom(parse(mesh, { logLevel: 'silent' }));
    } catch {
      return DEFAULT_MESH_CONFIG;
    }
  });
}
