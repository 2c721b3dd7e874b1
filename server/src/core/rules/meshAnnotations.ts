// One registry over the Linkerd and Consul tables plus Mumbai Mesh's own annotation
// (`mumbai-mesh.io/expected-rps`, read by the cost estimate from the pod template or the
// workload): which keys exist, and the key a misspelt one most likely meant.
// `*.istio.io` keys are not here: istioctl's IST0107/IST0108/IST0125 cover them.
import { editDistance, closestName } from '../schema/editDistance';
import { CONSUL_KEYS, CONSUL_META, CONSUL_META_PREFIX, CONSUL_PREFIXES } from './consulAnnotations';
import { isIstioAnnotation } from './istioAnnotations';
import { LINKERD_KEYS, LINKERD_PREFIXES } from './linkerdAnnotations';
import type { MeshKey } from './meshAnnotationTypes';
import { requestsPerSecond } from './meshAnnotationValues';
import { memoByText } from './textMemo';

export const MUMBAI_PREFIX = 'mumbai-mesh.io';

const MUMBAI_KEYS: ReadonlyMap<string, MeshKey> = new Map<string, MeshKey>([
  ['mumbai-mesh.io/expected-rps', { mesh: 'Mumbai Mesh', annotationOn: ['Pod', 'Workload'], value: requestsPerSecond }],
]);

const ALL: ReadonlyMap<string, MeshKey> = new Map([...LINKERD_KEYS, ...CONSUL_KEYS, ...MUMBAI_KEYS]);
const PREFIXES = [...LINKERD_PREFIXES, ...CONSUL_PREFIXES, MUMBAI_PREFIX];
/** Keys a user writes (the mesh-written ones are left out of suggestions). */
const USER_KEYS = [...ALL].filter(([, k]) => !k.setByMesh).map(([key]) => key);

function prefixOf(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? '' : key.slice(0, slash);
}

function nameOf(key: string): string {
  return key.slice(key.indexOf('/') + 1);
}

export function meshKey(key: string): MeshKey | undefined {
  return ALL.get(key) ?? (key.startsWith(CONSUL_META_PREFIX) && key.length > CONSUL_META_PREFIX.length ? CONSUL_META : undefined);
}

/** The key is in a prefix Linkerd, Consul or Mumbai Mesh owns. */
export function inMeshPrefix(key: string): boolean {
  return PREFIXES.includes(prefixOf(key));
}

/** A prefix that looks like a misspelt mesh prefix (`config.linkerd.com`, `consul.hashicorp.io`). */
export function nearMeshPrefix(key: string): boolean {
  const prefix = prefixOf(key).toLowerCase();
  if (prefix === '' || isIstioAnnotation(key)) return false;
  return nearPrefix(prefix);
}

/** Within two edits of a mesh prefix, or naming a mesh (prefixes repeat: worked out once each). */
const nearPrefix = memoByText((prefix: string) =>
  PREFIXES.some((p) => Math.abs(p.length - prefix.length) <= 2 && editDistance(prefix, p) <= 2) || /linkerd|consul|mumbai/.test(prefix));

/**
 * For a key that is not in the tables: the known key meant — the same name under the right
 * prefix (`config.linkerd.io/inject` → `linkerd.io/inject`), else the nearest spelling.
 */
export function suggestMeshKey(key: string): string | undefined {
  if (meshKey(key) || !(inMeshPrefix(key) || nearMeshPrefix(key))) return undefined;
  const name = nameOf(key);
  const sameName = USER_KEYS.find((k) => nameOf(k) === name);
  if (sameName) return sameName;
  if (key.startsWith(CONSUL_META_PREFIX.slice(0, -1)) || /^consul\.hashicorp\.com\/service-?meta/i.test(key)) {
    // `service-meta` without a key, or `service_meta_x`: no fix to offer but the prefix itself
    return undefined;
  }
  return closestName(key, USER_KEYS);
}
