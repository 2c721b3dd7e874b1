// What the two CA-certificate rules share: whether a client TLS block (mode SIMPLE or
// MUTUAL) leaves the server certificate unverified. A block with `credentialName` on a
// DestinationRule with a workloadSelector is exempt: the credential then carries the CA.
import { record, text, type Plain } from './plainValue';

export function unverifiedTlsMode(tls: unknown, drSpec: Plain): string | undefined {
  const t = record(tls);
  if (!t) return undefined;
  const mode = text(t.mode);
  if (mode !== 'SIMPLE' && mode !== 'MUTUAL') return undefined;
  if (text(t.caCertificates)) return undefined;
  if (text(t.credentialName) && record(drSpec.workloadSelector)) return undefined;
  return mode;
}
