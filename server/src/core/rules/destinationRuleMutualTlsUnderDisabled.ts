// MM431 on a DestinationRule `tls.mode: ISTIO_MUTUAL` for workloads whose
// PeerAuthentication turns mutual TLS off (DISABLE): clients start an Istio mTLS
// handshake, the servers' proxies expect plaintext, and requests fail. The reverse of
// MM430; Kiali reports it from the PeerAuthentication side (KIA0505 "Destination Rule
// disabling namespace-wide mTLS is missing", KIA0506 mesh-wide;
// business/checkers/peerauthentications/disabled_*_checker.go). Here it is reported on
// the DestinationRule, naming the PeerAuthentication and its file.
import { conflictFinding, peerConflicts, policyName } from './destinationRuleTlsAgainstPeers';
import { ofKind, NETWORKING } from './istioRule';
import type { Rule } from './rule';

export const destinationRuleMutualTlsUnderDisabled: Rule = {
  code: 'MM431',
  defaultSeverity: 'error',
  appliesTo: ofKind('DestinationRule', NETWORKING),
  check(ctx) {
    return peerConflicts(ctx, 'ISTIO_MUTUAL', 'DISABLE').map((c) => conflictFinding(ctx, 'MM431', c,
      `This sends Istio mutual TLS to ${c.target}, but ${policyName(c.source)} turns mTLS off there (DISABLE): the servers expect plaintext, so requests fail. Use \`DISABLE\` here too, or make that PeerAuthentication PERMISSIVE or STRICT.`));
  },
};
