// The metadata blocks the annotation rules read: the own metadata of Namespaces,
// Services, Pods and Deployments (as istioctl's K8sAnalyzer does), plus the pod template
// of every workload controller, read as a Pod — that is where sidecar annotations go.
import type { IndexedResource } from '../workspace/workspaceIndex';
import { at, list, record, stringMap, text } from './plainValue';
import { podTemplateOf } from './workloads';

/** One metadata block: its kind as the registry names kinds, and where its annotations sit. */
export interface AnnotatedObject {
  readonly kind: string;
  readonly path: readonly (string | number)[];
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly initContainers: readonly string[];
}

const OWN_METADATA = new Set(['/Namespace', '/Service', '/Pod', 'apps/Deployment']);

function initNames(podSpec: unknown): string[] {
  return list(record(podSpec)?.initContainers).map((c) => text(record(c)?.name));
}

export function annotatedObjects(entry: IndexedResource): AnnotatedObject[] {
  const out: AnnotatedObject[] = [];
  const value = entry.resource.value;
  if (OWN_METADATA.has(`${entry.group}/${entry.resource.kind}`)) {
    out.push({
      kind: entry.resource.kind,
      path: ['metadata', 'annotations'],
      annotations: stringMap(at(value, 'metadata', 'annotations')),
      labels: stringMap(at(value, 'metadata', 'labels')),
      initContainers: entry.resource.kind === 'Pod' ? initNames(value.spec) : [],
    });
  }
  const template = podTemplateOf(entry);
  if (template) {
    const base = entry.resource.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
    out.push({ kind: 'Pod', path: [...base, 'metadata', 'annotations'], annotations: stringMap(at(template, 'metadata', 'annotations')), labels: stringMap(at(template, 'metadata', 'labels')), initContainers: initNames(template.spec) });
  }
  return out;
}

export function hasAnnotatedObjects(entry: IndexedResource): boolean {
  return OWN_METADATA.has(`${entry.group}/${entry.resource.kind}`) || podTemplateOf(entry) !== undefined;
}
