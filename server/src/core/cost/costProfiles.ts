// The price lists a user can pick (`mumbaiMesh.cost.profile`): named once here for the
// settings normaliser, the pricing table and the client's profile picker. No imports, so the
// client can bundle it.
export const COST_PROFILES = ['aws-mumbai', 'azure-india', 'gcp-mumbai', 'custom'] as const;
export type CostProfile = (typeof COST_PROFILES)[number];
