// "Add Gateway `upi-gateway/pay-gateway`" for IST0101 on a VirtualService `gateways` entry
// naming no Gateway: appends a Gateway document to this file, bound to Istio's default
// ingress gateway pods, serving the VirtualService's hosts on HTTP port 80. A starting point
// the user then adjusts (TLS, selector), not a guess at their production setup.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../analyzeFile';
import type { FixData } from './fixData';

function quoted(host: string): string {
  return /^[A-Za-z0-9.-]+$/.test(host) ? host : JSON.stringify(host);
}

export function addGatewayFix(uri: string, file: AnalyzedFile, diagnostic: Diagnostic, data: FixData): CodeAction | undefined {
  const gateway = data.addGateway;
  if (!gateway) return undefined;
  const hosts = gateway.hosts.length > 0 ? gateway.hosts : ['*'];
  const lines = [
    '---',
    'apiVersion: networking.istio.io/v1',
    'kind: Gateway',
    'metadata:',
    `  name: ${gateway.name}`,
    ...(gateway.namespace ? [`  namespace: ${gateway.namespace}`] : []),
    'spec:',
    '  selector:',
    '    istio: ingressgateway',
    '  servers:',
    '  - port:',
    '      number: 80',
    '      name: http',
    '      protocol: HTTP',
    '    hosts:',
    ...hosts.map((h) => `    - ${quoted(h)}`),
  ];
  const end = file.lineIndex.positionAt(file.source.length);
  const newline = file.text.length === 0 || file.text.endsWith('\n') ? '' : '\n';
  const shown = gateway.namespace ? `${gateway.namespace}/${gateway.name}` : gateway.name;
  return {
    title: `Add Gateway \`${shown}\` to this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start: end, end }, newText: `${newline}${lines.join('\n')}\n` }] } },
  };
}
