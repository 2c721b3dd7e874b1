// MM430 on a DestinationRule `tls.mode: DISABLE` for workloads whose PeerAuthentication
// requires mutual TLS (STRICT): clients send plaintext, the servers' proxies accept only
// mTLS, and every request fails. Kiali reports the same on namespace- and mesh-wide rules
// (KIA0207 "PeerAuthentication with TLS strict mode found, it should be permissive",
// KIA0208; business/checkers/destinationrules/disabled_*_mtls_checker.go); here any
// host is resolved to its workloads (see destinationRuleTlsAgainstPeers.ts). The message
// names the deciding PeerAuthentication and its file.
import { conflictFinding, peerConflicts, policyName } from './destinationRuleTlsAgainstPeers';
import { ofKind, NETWORKING } from './istioRule';
import type { Rule } from './rule';

export const destinationRuleTlsDisabledUnderStrict: Rule = {
  code: 'MM430',
  defaultSeverity: 'error',
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    return peerConflicts(ctx, 'DISABLE', 'STRICT').map((c) => conflictFinding(ctx, 'MM430', c,
      `This turns mutual TLS off for ${c.target}, but ${policyName(c.source)} requires it (STRICT): the servers refuse plaintext, so every request fails. Use \`ISTIO_MUTUAL\` (or drop \`tls\` and let Istio choose), or make that PeerAuthentication PERMISSIVE.`));
  },
};
