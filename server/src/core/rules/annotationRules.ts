// The annotation problems istioctl's annotations.K8sAnalyzer reports, per annotated
// metadata block, in its order: unknown Istio key (IST0108); deprecated (IST0135);
// on a kind it does not belong to (IST0107); invalid value (IST0125). One pass feeds the
// four rules (annotationUnknown.ts, annotationDeprecated.ts, annotationMisplaced.ts,
// annotationInvalid.ts).
import type { IndexedResource } from '../workspace/workspaceIndex';
import { annotatedObjects } from './annotatedObjects';
import { ANNOTATION_VALUE_CHECKS } from './annotationValues';
import { ISTIO_ANNOTATIONS, isIstioAnnotation } from './istioAnnotations';

export interface AnnotationProblem {
  readonly code: 'IST0107' | 'IST0108' | 'IST0125' | 'IST0135';
  readonly path: readonly (string | number)[];
  readonly key: string;
  readonly kind: string;
  readonly detail: string;
}

const cache = new WeakMap<object, AnnotationProblem[]>();

export function annotationProblems(entry: IndexedResource): AnnotationProblem[] {
  const hit = cache.get(entry.resource.value);
  if (hit) return hit;
  const out: AnnotationProblem[] = [];
  for (const obj of annotatedObjects(entry)) {
    for (const [key, value] of Object.entries(obj.annotations)) {
      if (!isIstioAnnotation(key)) continue;
      const path = [...obj.path, key];
      const info = ISTIO_ANNOTATIONS.get(key);
      if (!info) {
        out.push({ code: 'IST0108', path, key, kind: obj.kind, detail: '' });
        continue;
      }
      if (info.deprecated && !(key === 'sidecar.istio.io/inject' && 'sidecar.istio.io/inject' in obj.labels)) {
        out.push({ code: 'IST0135', path, key, kind: obj.kind, detail: key === 'sidecar.istio.io/inject' ? 'use the `sidecar.istio.io/inject` label instead' : '' });
      }
      if (info.resources.includes('Any')) continue;
      if (!info.resources.includes(obj.kind)) {
        out.push({ code: 'IST0107', path, key, kind: obj.kind, detail: info.resources.join(', ') });
        continue;
      }
      const reason = ANNOTATION_VALUE_CHECKS.get(key)?.(value);
      if (reason) out.push({ code: 'IST0125', path, key, kind: obj.kind, detail: reason });
    }
  }
  cache.set(entry.resource.value, out);
  return out;
}
