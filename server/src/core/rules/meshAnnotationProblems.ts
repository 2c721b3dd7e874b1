// One pass over the Linkerd, Consul and Mumbai Mesh annotations and labels of a resource,
// feeding three rules: unknown key with a likely intended one (MM310,
// meshAnnotationUnknown.ts), key where its mesh does not read it (MM311,
// meshAnnotationMisplaced.ts) and value its reader rejects (MM312, meshAnnotationInvalid.ts).
// Each key gets at most one of the three: a misplaced key's value is not judged.
import type { JsonPath } from '../parse/locator';
import type { IndexedResource } from '../workspace/workspaceIndex';
import { PLACE_TEXT, type MeshKey, type Place } from './meshAnnotationTypes';
import { inMeshPrefix, meshKey, MUMBAI_PREFIX, nearMeshPrefix, suggestMeshKey } from './meshAnnotations';
import { metadataBlocks, type MetadataBlock } from './metadataBlocks';

export type MeshAnnotationProblem =
  | { readonly code: 'MM310'; readonly path: JsonPath; readonly key: string; readonly label: boolean; readonly suggestion?: string }
  | { readonly code: 'MM311'; readonly path: JsonPath; readonly key: string; readonly message: string }
  | { readonly code: 'MM312'; readonly path: JsonPath; readonly key: string; readonly message: string; readonly suggestion?: string };

const cache = new WeakMap<object, MeshAnnotationProblem[]>();

function places(list: readonly Place[]): string {
  const texts = list.map((p) => PLACE_TEXT[p]);
  return texts.length > 1 ? `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}` : texts[0] ?? 'nowhere';
}

function readsIt(info: MeshKey): string {
  return info.mesh === 'Mumbai Mesh' ? 'Mumbai Mesh reads it' : `${info.mesh} reads it`;
}

function misplacedMessage(key: string, info: MeshKey, obj: MetadataBlock, asLabel: boolean): string | undefined {
  const here = asLabel ? info.labelOn ?? [] : info.annotationOn;
  if (here.includes(obj.place)) return undefined;
  const other = asLabel ? info.annotationOn : info.labelOn ?? [];
  if (other.includes(obj.place)) {
    return asLabel
      ? `\`${key}\` is a label here, but ${info.mesh} reads it as an annotation, so it has no effect. Move it to \`metadata.annotations\`.`
      : `\`${key}\` is an annotation here, but ${info.mesh} reads it as a label, so it has no effect. Move it to \`metadata.labels\`.`;
  }
  const what = asLabel ? 'label' : 'annotation';
  if (obj.place === 'Workload' && here.includes('Pod')) {
    return `\`${key}\` on the ${obj.kind}'s own metadata has no effect: ${readsIt(info)} from the pods, so put it in the pod template (\`spec.template.metadata.${asLabel ? 'labels' : 'annotations'}\`).`;
  }
  if (here.length === 0) {
    return `\`${key}\` is not read as ${what === 'label' ? 'a label' : 'an annotation'}; ${info.mesh} reads it as ${what === 'label' ? 'an annotation' : 'a label'} on ${places(other)}.`;
  }
  const on = obj.place === 'Pod' ? 'a pod template' : `a ${obj.kind}`;
  return `\`${key}\` has no effect on ${on}: ${readsIt(info)} as ${what === 'label' ? 'a label' : 'an annotation'} on ${places(here)} only.`;
}

function check(out: MeshAnnotationProblem[], obj: MetadataBlock, key: string, value: string, asLabel: boolean): void {
  const info = meshKey(key);
  const path = [...obj.path, asLabel ? 'labels' : 'annotations', key];
  if (!info) {
    const suggestion = suggestMeshKey(key);
    // our own prefix is reported even without a suggestion; the meshes' prefixes only when
    // the key is plainly a misspelling (our tables may trail the meshes' newest keys)
    if (suggestion || (!asLabel && key.startsWith(`${MUMBAI_PREFIX}/`))) out.push({ code: 'MM310', path, key, label: asLabel, suggestion });
    return;
  }
  if (info.setByMesh) return;
  const misplaced = misplacedMessage(key, info, obj, asLabel);
  if (misplaced) {
    out.push({ code: 'MM311', path, key, message: misplaced });
    return;
  }
  const problem = info.value?.(value);
  if (problem) {
    const fix = problem.suggestion !== undefined ? ` Use \`${problem.suggestion}\`.` : '';
    out.push({ code: 'MM312', path, key, message: `Invalid value for \`${key}\`: ${problem.reason}. ${info.mesh} cannot use this value.${fix}`, suggestion: problem.suggestion });
  }
}

function mayMatter(key: string): boolean {
  return inMeshPrefix(key) || nearMeshPrefix(key);
}

export function meshAnnotationProblems(entry: IndexedResource): MeshAnnotationProblem[] {
  const hit = cache.get(entry.resource.value);
  if (hit) return hit;
  const out: MeshAnnotationProblem[] = [];
  for (const obj of metadataBlocks(entry)) {
    for (const [key, value] of Object.entries(obj.annotations)) if (mayMatter(key)) check(out, obj, key, value, false);
    for (const [key, value] of Object.entries(obj.labels)) if (mayMatter(key)) check(out, obj, key, value, true);
  }
  cache.set(entry.resource.value, out);
  return out;
}

/** Cheap filter for the three rules: does any metadata block carry a mesh-looking key? */
export function hasMeshKeys(entry: IndexedResource): boolean {
  return meshAnnotationProblems(entry).length > 0;
}
