// Codes of the cross-resource rules (IST0xxx where istioctl analyze has the same check,
// else MM3xx and up). codes.ts merges this list into the catalogue.
import type { CodeInfo } from '../codes';

export const RULE_CODES: readonly CodeInfo[] = [];
