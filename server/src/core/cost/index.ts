// The cost core's public surface: one calculation for the CodeLens, hover, status bar,
// report and `mumbai-mesh cost`. Pure: resources and settings in, numbers out.
export type { WorkspaceResource, DataPlane, CpuMemory, CpuMemoryAmount, MoneyParts } from './costTypes';
export { computeCost, totalOf, type CostReport, type CostTotal, type WorkloadReport } from './costReport';
export { compareMeshes, COMPARED_MESHES, type ComparisonResult, type MeshComparison } from './compare';
export { costReportJson, type CostJsonOptions } from './costJson';
export { formatCostText, formatMoney, type CostTextOptions } from './costText';
export { rightSizing, CPU_STEP_MILLICORES, MEMORY_STEP_BYTES, type RightSizingAdvice } from './rightSizing';
export { computeTco, TCO_MONTHS, type TcoResult, type TcoLine } from './tco';
export { parseTco, validateTco, DEFAULT_TCO_INPUT, TCO_GROUPS, type TcoInput, type ParsedTco, type TcoProblem } from './tcoSchema';
export { latencyPerHop, type LatencyEstimate } from './latency';
export { priceControlPlanes, controlPlaneComponents, type ControlPlaneCost, type ControlPlaneComponent } from './controlPlane';
export { resolvePrices, monthlyMinor, PRICE_PROFILES, HOURS_PER_MONTH, type Prices, type PriceProfile } from './pricing';
export { sidecarResources, waypointResources, PROXY_ANNOTATIONS, type ProxyResources, type SidecarMesh, type ProxyOrigin } from './proxyResources';
export { detectMesh, type MeshDecision } from './meshDetection';
export { buildCostWorkspace, type CostWorkspace, type WorkloadEntry } from './costWorkspace';
export { istioConfigEstimate, CONFIG_MEMORY, type ConfigEstimate } from './configSize';
export { USAGE_FACTS, EXPECTED_RPS_ANNOTATION, usagePerPod, type UsageFact, type ExpectedRate } from './usageEstimate';
export { costWorkload, podProxy, pricedAmount, type WorkloadCost, type PodProxy, type CostContext } from './workloadCost';
export { parseQuantity, parseCpuMillicores, parseMemoryBytes, formatCpu, formatMemory, MIB, GIB } from './quantity';
export { toMajor, toMinor, moneyTotal, roundHalfUp, hundredthsToMiB, type ReportedAmount } from './totals';
// The editor's views of the same report (issue 6): lenses, hover, inlay hints, report page, CSV.
export { costCodeLenses, costLensTitle, SHOW_COST_REPORT_COMMAND, type CostLensOptions } from './codeLenses';
export { costHover, type CostHover, type CostHoverInput } from './costHover';
export { costInlayHints, type CostInlayOptions } from './inlayHints';
export { reportHtml, type ReportHtmlOptions } from './reportHtml';
export { reportCsv, CSV_COLUMNS, type CsvOptions } from './reportCsv';
export { costBreakdown, CONTROL_PLANE_GROUP, type CostBreakdown, type CostGroup } from './costBreakdown';
export { moneyExact, moneyShort, cpuLabel, memoryLabel, replicasLabel, workloadId, workloadMeshLabel, MESH_LABELS } from './costDisplay';
export { workloadsInFile, findWorkload, type PlacedWorkload } from './fileWorkloads';
export { barChart, type Bar } from './reportChart';
export { costSummary, type CostSummaryData, type CostSummaryLine } from './costSummary';
