// The `data` findings carry for quick fixes (see schema/issueToFinding.ts and the rules),
// read defensively: a client may hand back anything.
import type { JsonPath } from '../parse/locator';

export interface FixData {
  /** Replacement text for the diagnostic's range (a key name, a value, or literal YAML for MM201). */
  readonly replaceWith?: string;
  /** MM300: the apiVersion to write instead. */
  readonly replaceApiVersion?: string;
  /** MM200: the unknown field's name. */
  readonly field?: string;
  /** MM200: the path of the object the field belongs in. */
  readonly moveTo?: JsonPath;
  /** IST0101 (missing subset), if the rule supplies it: the subset to create and the host. */
  readonly addSubset?: { readonly name?: string; readonly host?: string };
  /** IST0101 (missing Gateway): the Gateway to create and the hosts it should serve. */
  readonly addGateway?: { readonly name: string; readonly namespace: string; readonly hosts: readonly string[] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fixData(data: unknown): FixData {
  if (!isRecord(data)) return {};
  const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const moveTo = Array.isArray(data.moveTo) && data.moveTo.every((p) => typeof p === 'string' || typeof p === 'number') ? (data.moveTo as JsonPath) : undefined;
  const add = isRecord(data.addSubset) ? { name: s(data.addSubset.name), host: s(data.addSubset.host) } : undefined;
  const gw = isRecord(data.addGateway) ? data.addGateway : undefined;
  const addGateway = gw && s(gw.name) ? { name: s(gw.name) as string, namespace: s(gw.namespace) ?? '', hosts: Array.isArray(gw.hosts) ? gw.hosts.filter((h): h is string => typeof h === 'string') : [] } : undefined;
  return { replaceWith: s(data.replaceWith), replaceApiVersion: s(data.replaceApiVersion), field: s(data.field), moveTo, addSubset: add, addGateway };
}
