// An Istio-parity rule: a Rule that also names the `istioctl analyze` analyzers whose
// findings it reproduces. The replay test (test/unit/istioctlParity.test.mjs) runs, for
// each upstream test case, only the rules naming that case's analyzer.
import { isMap, isScalar } from 'yaml';
import type { Finding } from '../finding';
import type { JsonPath } from '../parse/locator';
import type { Rule, RuleContext } from './rule';

export interface IstioRule extends Rule {
  /** Analyzer names as `istioctl analyze --list-analyzers` prints them. */
  readonly analyzers: readonly string[];
}

/** A list item that is a mapping is marked by its first key, not its whole block. */
function narrowed(ctx: RuleContext, path: JsonPath): JsonPath {
  if (typeof path[path.length - 1] !== 'number') return path;
  const node = ctx.locator.node(path);
  const first = isMap(node) ? node.items[0]?.key : undefined;
  return isScalar(first) ? [...path, String(first.value)] : path;
}

/** A finding on the key at `path` (or its value with `on: 'value'`), else on the resource's kind. */
export function findingAt(ctx: RuleContext, code: string, rawPath: JsonPath, message: string, on: 'key' | 'value' = 'key'): Finding {
  const path = on === 'key' ? narrowed(ctx, rawPath) : rawPath;
  const span = (on === 'key' ? ctx.locator.key(path) : ctx.locator.value(path)) ?? ctx.locator.key(path) ?? ctx.locator.value(['kind']) ?? ctx.locator.value([]) ?? { start: ctx.resource.base, end: ctx.resource.base + 1 };
  return { code, message, start: span.start, end: span.end };
}

/** The nearest existing prefix of `path`, so a finding still lands inside the resource. */
export function existingPath(ctx: RuleContext, path: JsonPath): JsonPath {
  for (let n = path.length; n > 0; n--) {
    const prefix = path.slice(0, n);
    if (ctx.locator.node(prefix) !== undefined || ctx.locator.key(prefix) !== undefined) return prefix;
  }
  return ['kind'];
}

/** `Kind ns/name`, or `Kind name` without a namespace: how messages name other resources. */
export function displayName(kind: string, namespace: string, name: string | undefined): string {
  return namespace ? `${kind} ${namespace}/${name ?? ''}` : `${kind} ${name ?? ''}`;
}

export const NETWORKING = 'networking.istio.io';
export const SECURITY = 'security.istio.io';
export const TELEMETRY = 'telemetry.istio.io';

export { ofKind } from './ruleKinds';
