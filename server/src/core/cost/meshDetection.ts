// Which data plane a workload's pods get, following each mesh's own injection rules:
//   Istio sidecar  namespace label istio-injection=enabled or istio.io/rev; pod label (or
//                  legacy annotation) sidecar.istio.io/inject; pod label istio.io/rev.
//                  istio-injection=disabled on the namespace wins over everything.
//   Istio ambient  label istio.io/dataplane-mode=ambient on pod or namespace (a pod label
//                  `none` opts out); a sidecar, when injected, takes precedence.
//   Linkerd        annotation linkerd.io/inject enabled|ingress on pod template or namespace.
//   Consul         pod annotation consul.hashicorp.com/connect-inject ("true"); opt-in by
//                  default, and the chart has no namespace annotation.
// A pod-level opt-in beats a namespace-level one; without either, mumbaiMesh.defaultMesh
// applies unless the pod opted out of that mesh. A namespace manifest is used when the
// workspace has one; otherwise only the workload's own labels and annotations count.
import type { MeshName } from '../settings';
import type { NamespaceInfo } from './costWorkspace';
import type { PodTemplate } from './podTemplate';

export interface MeshDecision {
  readonly mesh: MeshName;
  /** Why, in words, e.g. `namespace payments: label istio-injection=enabled`. */
  readonly reason: string;
  /** The waypoint named by istio.io/use-waypoint, for ambient workloads. */
  readonly waypoint?: { readonly namespace: string; readonly name: string };
}

// Istio and Consul never inject into these; Linkerd's installer excludes kube-system too.
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

type Tri = 'in' | 'out' | undefined;

function truthy(value: string | undefined): Tri {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (['true', 'enabled', 'yes', 'y', 'on'].includes(v)) return 'in';
  if (['false', 'disabled', 'no', 'n', 'off'].includes(v)) return 'out';
  return undefined;
}

function istioPod(t: PodTemplate): Tri {
  // The label is what the webhook's objectSelector reads; the annotation is the older form.
  const flag = truthy(t.labels['sidecar.istio.io/inject']) ?? truthy(t.annotations['sidecar.istio.io/inject']);
  if (flag) return flag;
  return t.labels['istio.io/rev'] ? 'in' : undefined;
}

function istioNamespace(ns: NamespaceInfo | undefined): Tri {
  if (!ns) return undefined;
  const label = ns.labels['istio-injection'];
  if (label === 'enabled') return 'in';
  if (label === 'disabled') return 'out';
  return ns.labels['istio.io/rev'] ? 'in' : undefined;
}

function ambientOf(labels: Readonly<Record<string, string>>): Tri {
  const mode = labels['istio.io/dataplane-mode'];
  if (mode === 'ambient') return 'in';
  if (mode === 'none') return 'out';
  return undefined;
}

function linkerdOf(annotations: Readonly<Record<string, string>>): Tri {
  const v = annotations['linkerd.io/inject'];
  if (v === 'enabled' || v === 'ingress') return 'in';
  if (v === 'disabled') return 'out';
  return undefined;
}

function consulPod(t: PodTemplate): Tri {
  return truthy(t.annotations['consul.hashicorp.com/connect-inject']);
}

export function waypointOf(t: PodTemplate, ns: NamespaceInfo | undefined, namespace: string): MeshDecision['waypoint'] {
  const name = t.labels['istio.io/use-waypoint'] ?? ns?.labels['istio.io/use-waypoint'];
  if (!name || name === 'none') return undefined;
  const wpNamespace = t.labels['istio.io/use-waypoint-namespace'] ?? ns?.labels['istio.io/use-waypoint-namespace'] ?? namespace;
  return { namespace: wpNamespace, name };
}

export function detectMesh(template: PodTemplate, namespace: string, ns: NamespaceInfo | undefined, defaultMesh: MeshName): MeshDecision {
  if (SYSTEM_NAMESPACES.has(namespace)) return { mesh: 'none', reason: `namespace ${namespace} is never injected` };
  // Sidecar injectors and ztunnel skip host-network pods.
  if (template.spec.hostNetwork === true) return { mesh: 'none', reason: 'hostNetwork pods are not injected' };

  const istioNs = istioNamespace(ns);
  const istio = istioNs === 'out' ? 'out' : istioPod(template);
  const linkerd = linkerdOf(template.annotations);
  const consul = consulPod(template);
  const ambient = ambientOf(template.labels);
  const ambientNs = ns ? ambientOf(ns.labels) : undefined;
  const linkerdNs = ns ? linkerdOf(ns.annotations) : undefined;
  const ambientDecision = (reason: string): MeshDecision => ({ mesh: 'istio-ambient', reason, waypoint: waypointOf(template, ns, namespace) });

  // Pod-level opt-ins first.
  if (istio === 'in') return { mesh: 'istio', reason: 'pod label sidecar.istio.io/inject or istio.io/rev' };
  if (linkerd === 'in') return { mesh: 'linkerd', reason: 'pod annotation linkerd.io/inject' };
  if (consul === 'in') return { mesh: 'consul', reason: 'pod annotation consul.hashicorp.com/connect-inject' };
  // A sidecar from the namespace label still wins over a pod's ambient label.
  const sidecarByNamespace = istioNs === 'in' && istio !== 'out';
  if (ambient === 'in' && !sidecarByNamespace) return ambientDecision('pod label istio.io/dataplane-mode=ambient');

  // Then the namespace, when its manifest is in the workspace.
  if (sidecarByNamespace) {
    const label = ns?.labels['istio-injection'] === 'enabled' ? 'istio-injection=enabled' : `istio.io/rev=${ns?.labels['istio.io/rev']}`;
    return { mesh: 'istio', reason: `namespace ${namespace}: label ${label}` };
  }
  if (linkerdNs === 'in' && linkerd !== 'out') return { mesh: 'linkerd', reason: `namespace ${namespace}: annotation linkerd.io/inject` };
  if (ambientNs === 'in' && ambient !== 'out') return ambientDecision(`namespace ${namespace}: label istio.io/dataplane-mode=ambient`);

  // Finally the user's default, unless the pod opted out of exactly that mesh.
  const optedOut: Record<MeshName, boolean> = {
    istio: istio === 'out',
    'istio-ambient': ambient === 'out' || ambientNs === 'out',
    linkerd: linkerd === 'out' || linkerdNs === 'out',
    consul: consul === 'out',
    none: false,
  };
  if (defaultMesh !== 'none' && !optedOut[defaultMesh]) {
    return defaultMesh === 'istio-ambient' ? ambientDecision('mumbaiMesh.defaultMesh') : { mesh: defaultMesh, reason: 'mumbaiMesh.defaultMesh' };
  }
  return { mesh: 'none', reason: 'no injection label or annotation' };
}
