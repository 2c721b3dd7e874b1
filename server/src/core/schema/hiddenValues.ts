// Values no finding may quote: a Secret's `data` and `stringData` (issue 4: Secrets get
// structure checks only and their values are never echoed; findings end up in editors'
// problem lists, CLI output and CI logs).
import type { JsonPath } from '../parse/locator';

export function hidesValue(apiVersion: string, kind: string, path: JsonPath): boolean {
  return apiVersion === 'v1' && kind === 'Secret' && (path[0] === 'data' || path[0] === 'stringData');
}
