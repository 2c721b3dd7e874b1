// IST0136 on an alpha-stage Istio annotation (it may change or go away). Off unless
// `mumbaiMesh.rules` gives IST0136 a level: like istioctl, which leaves this analyzer out
// of its default set because many alpha annotations are set routinely. Annotations Istio
// writes itself are skipped, and so are the traffic-capture ones the CNI plugin sets on
// Pods without an `istio-init` container.
import { annotatedObjects, hasAnnotatedObjects } from './annotatedObjects';
import { ISTIO_ANNOTATIONS, isIstioAnnotation } from './istioAnnotations';
import { findingAt, type IstioRule } from './istioRule';

const SET_BY_CNI = new Set([
  'sidecar.istio.io/interceptionMode',
  'traffic.sidecar.istio.io/includeInboundPorts',
  'traffic.sidecar.istio.io/excludeInboundPorts',
  'traffic.sidecar.istio.io/includeOutboundIPRanges',
]);

export const annotationAlpha: IstioRule = {
  code: 'IST0136',
  defaultSeverity: 'info',
  analyzers: ['annotations.AlphaAnalyzer'],
  appliesTo: hasAnnotatedObjects,
  check(ctx) {
    if (ctx.settings.rules.IST0136 === undefined) return [];
    const findings = [];
    for (const obj of annotatedObjects(ctx.resource)) {
      const cni = obj.kind === 'Pod' && !obj.initContainers.includes('istio-init');
      for (const key of Object.keys(obj.annotations)) {
        if (!isIstioAnnotation(key)) continue;
        const info = ISTIO_ANNOTATIONS.get(key);
        if (!info?.alpha || info.setByIstio || (cni && SET_BY_CNI.has(key))) continue;
        findings.push(findingAt(ctx, 'IST0136', [...obj.path, key], `\`${key}\` is an alpha Istio feature: its behaviour may change or it may be removed in a later release.`));
      }
    }
    return findings;
  },
};
