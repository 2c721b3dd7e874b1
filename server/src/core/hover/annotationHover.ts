// Hover on a mesh annotation (its key or its value): what it does in our words, the value it
// takes, where it must go, and — for the proxy resource annotations — the cost line that the
// cost core computes for the workload (handed in as `costLine`; never computed here).
import type { JsonPath } from '../parse/locator';
import { ANNOTATION_DOCS, ANNOTATION_PREFIXES, ANNOTATION_REFERENCE, type AnnotationDoc } from './fieldDocs/annotations';
import { code } from './previewFormat';

/** The annotation name when `path` is `…metadata.annotations.<name>`. */
export function annotationName(path: JsonPath): string | undefined {
  const n = path.length;
  if (n < 3 || path[n - 2] !== 'annotations' || path[n - 3] !== 'metadata') return undefined;
  const name = path[n - 1];
  return typeof name === 'string' ? name : undefined;
}

/** True for pod-template annotations (where the mesh reads proxy settings). */
function onPodTemplate(path: JsonPath): boolean {
  return path.length > 3 && path[path.length - 4] === 'template';
}

export interface AnnotationHoverInput {
  readonly path: JsonPath;
  readonly kind: string;
  /** The cost line for the workload at the hovered offset, from the cost core. */
  readonly costLine?: () => string | undefined;
}

function placementNote(doc: AnnotationDoc, input: AnnotationHoverInput): string | undefined {
  const workloadKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);
  if (doc.on.startsWith('the pod template') && workloadKinds.has(input.kind) && !onPodTemplate(input.path)) {
    return `⚠ This is the ${input.kind}'s own metadata: the mesh reads this annotation from the pod template (\`spec.template.metadata.annotations\`), so here it has no effect.`;
  }
  return undefined;
}

export function annotationHoverMarkdown(input: AnnotationHoverInput): string | undefined {
  const name = annotationName(input.path);
  if (name === undefined) return undefined;
  const doc = ANNOTATION_DOCS[name];
  if (!doc) {
    const prefix = ANNOTATION_PREFIXES.find(([p]) => name.startsWith(p));
    if (!prefix) return undefined;
    return [`**Annotation ${code(name)}**`, `${prefix[2]} _No description written for this annotation yet._`, `[${prefix[1]} annotation reference](${ANNOTATION_REFERENCE[prefix[1]]})`].join('\n\n');
  }
  const parts = [`**Annotation ${code(name)}**`, doc.text];
  const facts = [`- **Value:** ${doc.type ?? 'string'} (annotation values are always strings: quote numbers and booleans)`];
  if (doc.values) facts.push(`- **Allowed values:** ${doc.values.map((v) => (v.startsWith('`') || v.startsWith('"') ? v : code(v))).join(', ')}`);
  if (doc.default) facts.push(`- **Default:** ${doc.default}`);
  facts.push(`- **Read from:** ${doc.on}`);
  parts.push(facts.join('\n'));
  const note = placementNote(doc, input);
  if (note) parts.push(note);
  if (doc.cost) {
    const line = input.costLine?.();
    if (line) parts.push(line.startsWith('**') ? line : `**Proxy cost:** ${line}`);
    else parts.push('_Proxy cost: not available here (the workload is not priced, or the cost core is not connected)._');
  }
  parts.push(`[${doc.mesh === 'istio' ? 'Istio' : doc.mesh === 'linkerd' ? 'Linkerd' : 'Consul'} annotation reference](${ANNOTATION_REFERENCE[doc.mesh]})`);
  return parts.join('\n\n');
}
