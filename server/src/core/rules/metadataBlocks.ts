// Every `metadata` block of a resource — its own, a workload's pod template, a CronJob's
// job template — with the place the meshes read it as. Annotation and label rules walk
// these instead of assuming one `metadata` per resource: a Deployment carries two, and
// only the pod template's reaches the pods the injectors see.
import type { JsonPath } from '../parse/locator';
import { perEntry } from '../workspace/entryMemo';
import type { IndexedResource } from '../workspace/workspaceIndex';
import type { Place } from './meshAnnotationTypes';
import { at, record, stringMap } from './plainValue';
import { podTemplateOf } from './workloads';

export interface MetadataBlock {
  readonly place: Place;
  /** The resource kind, or `pod template` for a template: how messages name the block. */
  readonly kind: string;
  /** Path of the `metadata` mapping inside the resource. */
  readonly path: JsonPath;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

const GATEWAY_API = 'gateway.networking.k8s.io';
const LINKERD_POLICY = 'policy.linkerd.io';
const CONSUL = 'consul.hashicorp.com';

function ownPlace(entry: IndexedResource): Place {
  const { kind } = entry.resource;
  if (entry.group === '') {
    if (kind === 'Pod') return 'Pod';
    if (kind === 'Namespace') return 'Namespace';
    if (kind === 'Service') return 'Service';
    if (kind === 'Secret') return 'Secret';
  }
  if (podTemplateOf(entry)) return 'Workload';
  if ((kind === 'HTTPRoute' || kind === 'GRPCRoute') && (entry.group === GATEWAY_API || entry.group === LINKERD_POLICY)) return 'Route';
  if (entry.group === CONSUL) return 'ConfigEntry';
  return 'Other';
}

function block(place: Place, kind: string, path: JsonPath, metadata: unknown): MetadataBlock {
  const m = record(metadata);
  return { place, kind, path, annotations: stringMap(m?.annotations), labels: stringMap(m?.labels) };
}

/** Worked out once per entry: several rules' appliesTo ask for every resource. */
export function metadataBlocks(entry: IndexedResource): readonly MetadataBlock[] {
  return perEntry(entry, 'metadataBlocks', blocksOf);
}

function blocksOf(entry: IndexedResource): MetadataBlock[] {
  const value = entry.resource.value;
  const out = [block(ownPlace(entry), entry.resource.kind, ['metadata'], value.metadata)];
  if (entry.resource.kind === 'CronJob' && entry.group === 'batch') {
    out.push(block('Workload', 'Job template', ['spec', 'jobTemplate', 'metadata'], at(value, 'spec', 'jobTemplate', 'metadata')));
  }
  const template = podTemplateOf(entry);
  if (template) {
    const base = entry.resource.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
    out.push(block('Pod', 'pod template', [...base, 'metadata'], template.metadata));
  }
  return out;
}
