// What the user sees: a warning on a Linkerd, Consul or Mumbai Mesh annotation (or label)
// key that no such mesh defines but that is one edit or a prefix away from one that does
// (`config.linkerd.io/proxy-cpu-requests`, `config.linkerd.io/inject`,
// `consul.hashicorp.io/connect-inject`), with a quick fix to the intended key. The meshes
// ignore keys they do not know, so the setting silently does not happen. Keys under
// `mumbai-mesh.io/` are reported even without a close match, since that prefix is ours.
// Tables: linkerdAnnotations.ts, consulAnnotations.ts (the meshes' public references).
import type { Finding } from '../finding';
import { findingAt } from './istioRule';
import { hasMeshKeys, meshAnnotationProblems } from './meshAnnotationProblems';
import type { Rule } from './rule';

export const meshAnnotationUnknown: Rule = {
  code: 'MM310',
  defaultSeverity: 'warning',
  appliesTo: hasMeshKeys,
  check(ctx) {
    const out: Finding[] = [];
    for (const p of meshAnnotationProblems(ctx.resource)) {
      if (p.code !== 'MM310') continue;
      const what = p.label ? 'label' : 'annotation';
      const message = p.suggestion
        ? `Unknown ${what} \`${p.key}\`: no mesh reads it, so it has no effect. Did you mean \`${p.suggestion}\`?`
        : `Unknown ${what} \`${p.key}\`: Mumbai Mesh reads only \`mumbai-mesh.io/expected-rps\`, so it has no effect.`;
      const finding = findingAt(ctx, 'MM310', p.path, message);
      out.push(p.suggestion ? { ...finding, data: { replaceKey: p.suggestion, replaceWith: p.suggestion } } : finding);
    }
    return out;
  },
};
