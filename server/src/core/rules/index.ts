// Every cross-resource rule. A new rule is a new file plus one line here.
import type { Rule } from './rule';
import { annotationAlpha } from './annotationAlpha';
import { alertingPractice } from './alertingPractice';
import { apiVersionDeprecated } from './apiVersionDeprecated';
import { prometheusRuleExpression } from './prometheusRuleExpression';
import { servicePortProtocol } from './servicePortProtocol';
import { annotationDeprecated } from './annotationDeprecated';
import { annotationInvalid } from './annotationInvalid';
import { annotationMisplaced } from './annotationMisplaced';
import { annotationUnknown } from './annotationUnknown';
import { authorizationPolicyMatchesWorkload } from './authorizationPolicyMatchesWorkload';
import { authorizationPolicyNamespaceExists } from './authorizationPolicyNamespaceExists';
import { destinationRuleCaCertificates } from './destinationRuleCaCertificates';
import { destinationRuleHostExists } from './destinationRuleHostExists';
import { destinationRulePortCaCertificates } from './destinationRulePortCaCertificates';
import { destinationRuleSubsetSelectsPods } from './destinationRuleSubsetSelectsPods';
import { envoyFilterAddMisused } from './envoyFilterAddMisused';
import { envoyFilterRelativeOperation } from './envoyFilterRelativeOperation';
import { envoyFilterRelativeWithProxyVersion } from './envoyFilterRelativeWithProxyVersion';
import { envoyFilterRemoveMisused } from './envoyFilterRemoveMisused';
import { envoyFilterReplaceMisused } from './envoyFilterReplaceMisused';
import { gatewayConflict } from './gatewayConflict';
import { gatewayCredentialExists } from './gatewayCredentialExists';
import { gatewayDuplicateCertificate } from './gatewayDuplicateCertificate';
import { gatewayPortOnService } from './gatewayPortOnService';
import { gatewaySelectorMatchesWorkload } from './gatewaySelectorMatchesWorkload';
import { istioDeprecatedFields } from './istioDeprecatedFields';
import { istiodJwksCidrs } from './istiodJwksCidrs';
import { namespaceInjectedByDefault } from './namespaceInjectedByDefault';
import { namespaceMultipleInjectionLabels } from './namespaceMultipleInjectionLabels';
import { namespaceNotInjected } from './namespaceNotInjected';
import { negativeCondition } from './negativeCondition';
import { policySelectsGatewayApiPods } from './policySelectsGatewayApiPods';
import { serviceEntryAddressesRequired } from './serviceEntryAddressesRequired';
import { serviceEntryProtocolConflict } from './serviceEntryProtocolConflict';
import { sidecarIneffectiveInAmbient } from './sidecarIneffectiveInAmbient';
import { sidecarNamespaceWideConflict } from './sidecarNamespaceWideConflict';
import { sidecarSelectorConflict } from './sidecarSelectorConflict';
import { sidecarSelectorMatchesWorkload } from './sidecarSelectorMatchesWorkload';
import { telemetryAccessLogProvider } from './telemetryAccessLogProvider';
import { telemetryLightstepProvider } from './telemetryLightstepProvider';
import { telemetryNamespaceWideConflict } from './telemetryNamespaceWideConflict';
import { telemetrySelectorConflict } from './telemetrySelectorConflict';
import { telemetrySelectorMatchesWorkload } from './telemetrySelectorMatchesWorkload';
import { virtualServiceDestinationHostExists } from './virtualServiceDestinationHostExists';
import { virtualServiceDestinationPortExists } from './virtualServiceDestinationPortExists';
import { virtualServiceDestinationPortRequired } from './virtualServiceDestinationPortRequired';
import { virtualServiceGatewayExists } from './virtualServiceGatewayExists';
import { virtualServiceHostInGateway } from './virtualServiceHostInGateway';
import { virtualServiceIneffectiveMatch } from './virtualServiceIneffectiveMatch';
import { virtualServiceIngressSubsetIgnored } from './virtualServiceIngressSubsetIgnored';
import { virtualServiceInternalGateway } from './virtualServiceInternalGateway';
import { virtualServiceJwtClaimRoute } from './virtualServiceJwtClaimRoute';
import { virtualServiceMeshHostConflict } from './virtualServiceMeshHostConflict';
import { virtualServiceSubsetExists } from './virtualServiceSubsetExists';
import { virtualServiceUnreachableRule } from './virtualServiceUnreachableRule';
import { workloadProxyUid } from './workloadProxyUid';

export const RULES: readonly Rule[] = [
  annotationAlpha,
  apiVersionDeprecated,
  servicePortProtocol,
  prometheusRuleExpression,
  alertingPractice,
  annotationDeprecated,
  annotationInvalid,
  annotationMisplaced,
  annotationUnknown,
  authorizationPolicyMatchesWorkload,
  authorizationPolicyNamespaceExists,
  destinationRuleCaCertificates,
  destinationRuleHostExists,
  destinationRulePortCaCertificates,
  destinationRuleSubsetSelectsPods,
  envoyFilterAddMisused,
  envoyFilterRelativeOperation,
  envoyFilterRelativeWithProxyVersion,
  envoyFilterRemoveMisused,
  envoyFilterReplaceMisused,
  gatewayConflict,
  gatewayCredentialExists,
  gatewayDuplicateCertificate,
  gatewayPortOnService,
  gatewaySelectorMatchesWorkload,
  istioDeprecatedFields,
  istiodJwksCidrs,
  namespaceInjectedByDefault,
  namespaceMultipleInjectionLabels,
  namespaceNotInjected,
  negativeCondition,
  policySelectsGatewayApiPods,
  serviceEntryAddressesRequired,
  serviceEntryProtocolConflict,
  sidecarIneffectiveInAmbient,
  sidecarNamespaceWideConflict,
  sidecarSelectorConflict,
  sidecarSelectorMatchesWorkload,
  telemetryAccessLogProvider,
  telemetryLightstepProvider,
  telemetryNamespaceWideConflict,
  telemetrySelectorConflict,
  telemetrySelectorMatchesWorkload,
  virtualServiceDestinationHostExists,
  virtualServiceDestinationPortExists,
  virtualServiceDestinationPortRequired,
  virtualServiceGatewayExists,
  virtualServiceHostInGateway,
  virtualServiceIneffectiveMatch,
  virtualServiceIngressSubsetIgnored,
  virtualServiceInternalGateway,
  virtualServiceJwtClaimRoute,
  virtualServiceMeshHostConflict,
  virtualServiceSubsetExists,
  virtualServiceUnreachableRule,
  workloadProxyUid,
];
