// What the user sees: an error on a Service port that has no name while the Service has
// several ports, or whose name or port number (with its protocol) another port of the same
// Service already uses. The API server rejects both ("Required value", "Duplicate
// value"). Named ports are also what the meshes key on: Istio reads the protocol from the
// name (IST0118) and Linkerd Servers and Gateway API routes refer to ports by name.
import type { Finding } from '../finding';
import { findingAt } from './istioRule';
import { at, list, record } from './plainValue';
import type { Rule } from './rule';

export const servicePortNames: Rule = {
  code: 'MM326',
  defaultSeverity: 'error',
  appliesTo: (r) => r.group === '' && r.resource.kind === 'Service',
  check(ctx) {
    const ports = list(at(ctx.resource.resource.value, 'spec', 'ports'));
    const out: Finding[] = [];
    const names = new Set<string>();
    const numbers = new Set<string>();
    ports.forEach((raw, i) => {
      const p = record(raw);
      if (!p) return;
      const path = ['spec', 'ports', i];
      const name = typeof p.name === 'string' ? p.name : '';
      if (name === '' && ports.length > 1) {
        out.push(findingAt(ctx, 'MM326', path, `This Service has ${ports.length} ports, so each needs a \`name\`; Kubernetes rejects the Service. Name it after its protocol, e.g. \`http\` or \`grpc-ledger\`, so the mesh can tell what it carries.`));
      } else if (name !== '' && names.has(name)) {
        out.push(findingAt(ctx, 'MM326', [...path, 'name'], `Port name \`${name}\` is used twice in this Service; Kubernetes rejects the Service. Give each port its own name.`, 'value'));
      }
      if (name !== '') names.add(name);
      if (typeof p.port === 'number') {
        const protocol = typeof p.protocol === 'string' ? p.protocol : 'TCP';
        const key = `${p.port}/${protocol}`;
        if (numbers.has(key)) out.push(findingAt(ctx, 'MM326', [...path, 'port'], `Port ${p.port}/${protocol} is listed twice in this Service; Kubernetes rejects the Service. Remove the duplicate or give it another port number.`, 'value'));
        numbers.add(key);
      }
    });
    return out;
  },
};
