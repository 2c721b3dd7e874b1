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
import { linkerdServerSelectsWorkload } from './linkerdServerSelectsWorkload';
import { linkerdPolicyTargetExists } from './linkerdPolicyTargetExists';
import { linkerdRouteParentExists } from './linkerdRouteParentExists';
import { linkerdAuthenticationRefExists } from './linkerdAuthenticationRefExists';
import { linkerdServerPortOnPods } from './linkerdServerPortOnPods';
import { consulSplitterWeights } from './consulSplitterWeights';
import { consulSubsetExists } from './consulSubsetExists';
import { consulRoutingOnTcpService } from './consulRoutingOnTcpService';
import { consulRoutingOnDefaultProtocol } from './consulRoutingOnDefaultProtocol';
import { consulIntentionDuplicateSource } from './consulIntentionDuplicateSource';
import { consulIntentionWildcardOrder } from './consulIntentionWildcardOrder';
import { gatewayApiParentExists } from './gatewayApiParentExists';
import { gatewayApiParentListener } from './gatewayApiParentListener';
import { gatewayApiParentNamespaceAllowed } from './gatewayApiParentNamespaceAllowed';
import { gatewayApiBackendExists } from './gatewayApiBackendExists';
import { gatewayApiBackendPort } from './gatewayApiBackendPort';
import { gatewayApiReferenceGrant } from './gatewayApiReferenceGrant';
import { gatewayApiZeroWeights } from './gatewayApiZeroWeights';
import { authorizationPolicyConditionKey } from './authorizationPolicyConditionKey';
import { authorizationPolicyValueFormat } from './authorizationPolicyValueFormat';
import { authorizationPolicyPrincipalForm } from './authorizationPolicyPrincipalForm';
import { authorizationPolicyPathWildcard } from './authorizationPolicyPathWildcard';
import { authorizationPolicyOperationPorts } from './authorizationPolicyOperationPorts';
import { authorizationPolicyHostPort } from './authorizationPolicyHostPort';
import { authorizationPolicyAllowEmptyRule } from './authorizationPolicyAllowEmptyRule';
import { authorizationPolicyAllowNoRules } from './authorizationPolicyAllowNoRules';
import { authorizationPolicyEvaluationOrder } from './authorizationPolicyEvaluationOrder';
import { virtualServiceZeroWeights } from './virtualServiceZeroWeights';
import { virtualServiceAfterCatchAllMatch } from './virtualServiceAfterCatchAllMatch';
import { virtualServiceEmptyMatchValue } from './virtualServiceEmptyMatchValue';
import { virtualServiceRetriesExceedTimeout } from './virtualServiceRetriesExceedTimeout';
import { virtualServiceFullAbort } from './virtualServiceFullAbort';
import { virtualServiceMirrorPercentage } from './virtualServiceMirrorPercentage';
import { destinationRuleDuplicateSubset } from './destinationRuleDuplicateSubset';
import { destinationRuleLocalityWeights } from './destinationRuleLocalityWeights';
import { destinationRuleDistributeAndFailover } from './destinationRuleDistributeAndFailover';
import { destinationRuleSubsetOutsideService } from './destinationRuleSubsetOutsideService';
import { destinationRuleEjectAllHosts } from './destinationRuleEjectAllHosts';
import { destinationRuleZeroConnectionLimit } from './destinationRuleZeroConnectionLimit';
import { destinationRuleNoKeepAlive } from './destinationRuleNoKeepAlive';
import { destinationRuleTlsDisabledUnderStrict } from './destinationRuleTlsDisabledUnderStrict';
import { destinationRuleMutualTlsUnderDisabled } from './destinationRuleMutualTlsUnderDisabled';
import { destinationRuleDuplicateAcrossRules } from './destinationRuleDuplicateAcrossRules';
import { gatewaySelectsNonGatewayWorkload } from './gatewaySelectsNonGatewayWorkload';
import { sidecarEgressHostExists } from './sidecarEgressHostExists';
import { meshAnnotationUnknown } from './meshAnnotationUnknown';
import { meshAnnotationMisplaced } from './meshAnnotationMisplaced';
import { meshAnnotationInvalid } from './meshAnnotationInvalid';
import { proxyRequestAboveLimit } from './proxyRequestAboveLimit';
import { proxyConfigUnknownField } from './proxyConfigUnknownField';
import { proxyConfigFieldValue } from './proxyConfigFieldValue';
import { serviceTargetPortName } from './serviceTargetPortName';
import { serviceTargetPortNumber } from './serviceTargetPortNumber';
import { workloadSelectorMatchesTemplate } from './workloadSelectorMatchesTemplate';
import { labelSyntax } from './labelSyntax';
import { selectorRequirements } from './selectorRequirements';
import { kubernetesNameSyntax } from './kubernetesNameSyntax';
import { servicePortNames } from './servicePortNames';

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
  linkerdServerSelectsWorkload,
  linkerdPolicyTargetExists,
  linkerdRouteParentExists,
  linkerdAuthenticationRefExists,
  linkerdServerPortOnPods,
  consulSplitterWeights,
  consulSubsetExists,
  consulRoutingOnTcpService,
  consulRoutingOnDefaultProtocol,
  consulIntentionDuplicateSource,
  consulIntentionWildcardOrder,
  gatewayApiParentExists,
  gatewayApiParentListener,
  gatewayApiParentNamespaceAllowed,
  gatewayApiBackendExists,
  gatewayApiBackendPort,
  gatewayApiReferenceGrant,
  gatewayApiZeroWeights,
  authorizationPolicyConditionKey,
  authorizationPolicyValueFormat,
  authorizationPolicyPrincipalForm,
  authorizationPolicyPathWildcard,
  authorizationPolicyOperationPorts,
  authorizationPolicyHostPort,
  authorizationPolicyAllowEmptyRule,
  authorizationPolicyAllowNoRules,
  authorizationPolicyEvaluationOrder,
  virtualServiceZeroWeights,
  virtualServiceAfterCatchAllMatch,
  virtualServiceEmptyMatchValue,
  virtualServiceRetriesExceedTimeout,
  virtualServiceFullAbort,
  virtualServiceMirrorPercentage,
  destinationRuleDuplicateSubset,
  destinationRuleLocalityWeights,
  destinationRuleDistributeAndFailover,
  destinationRuleSubsetOutsideService,
  destinationRuleEjectAllHosts,
  destinationRuleZeroConnectionLimit,
  destinationRuleNoKeepAlive,
  destinationRuleTlsDisabledUnderStrict,
  destinationRuleMutualTlsUnderDisabled,
  destinationRuleDuplicateAcrossRules,
  gatewaySelectsNonGatewayWorkload,
  sidecarEgressHostExists,
  meshAnnotationUnknown,
  meshAnnotationMisplaced,
  meshAnnotationInvalid,
  proxyRequestAboveLimit,
  proxyConfigUnknownField,
  proxyConfigFieldValue,
  serviceTargetPortName,
  serviceTargetPortNumber,
  workloadSelectorMatchesTemplate,
  labelSyntax,
  selectorRequirements,
  kubernetesNameSyntax,
  servicePortNames,
];
