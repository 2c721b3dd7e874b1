// The shape of an entry in the Linkerd, Consul and Mumbai Mesh annotation tables
// (linkerdAnnotations.ts, consulAnnotations.ts, meshAnnotations.ts).
import type { ValueCheck } from './meshAnnotationValues';

/**
 * Where a metadata block sits, as the meshes tell them apart: a Pod or a pod template
 * (`Pod`), a workload controller's own metadata (`Workload`), a Namespace, a Service, a
 * Gateway API or Linkerd route (`Route`), a Consul config entry (`ConfigEntry`), a Secret,
 * or anything else (`Other`).
 */
export type Place = 'Pod' | 'Workload' | 'Namespace' | 'Service' | 'Route' | 'ConfigEntry' | 'Secret' | 'Other';

export type Mesh = 'Linkerd' | 'Consul' | 'Mumbai Mesh';

export interface MeshKey {
  readonly mesh: Mesh;
  /** Where the mesh reads the key as an annotation. */
  readonly annotationOn: readonly Place[];
  /** Where the mesh reads the key as a label (none when absent). */
  readonly labelOn?: readonly Place[];
  readonly value?: ValueCheck;
  /** Written by the mesh itself (injector, controller): known, but not the user's to place or fill. */
  readonly setByMesh?: boolean;
}

/** How a place reads in a message. */
export const PLACE_TEXT: Readonly<Record<Place, string>> = {
  Pod: 'pod templates (and Pods)',
  Workload: "a workload's own metadata",
  Namespace: 'Namespaces',
  Service: 'Services',
  Route: 'HTTPRoutes and GRPCRoutes',
  ConfigEntry: 'Consul config entry resources',
  Secret: 'Secrets',
  Other: 'other resources',
};
