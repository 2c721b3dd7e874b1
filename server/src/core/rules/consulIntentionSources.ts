// The sources of a Consul ServiceIntentions, keyed as Consul keys them when it validates
// the entry (name, namespace, partition, peer and sameness group; a source without a
// namespace or partition inherits the destination's, "default" when that is empty too).
import type { IndexedResource } from '../workspace/workspaceIndex';
import { at, list, record, spec, text } from './plainValue';

export const WILDCARD = '*';

export interface IntentionSource {
  readonly index: number;
  readonly name: string;
  /** Everything but the name: two sources compete only within one scope. */
  readonly scope: string;
  /** The action, or `permissions` for an L7 source. */
  readonly outcome: string;
}

export function intentionSources(entry: IndexedResource): IntentionSource[] {
  const value = entry.resource.value;
  const destinationNamespace = text(at(value, 'spec', 'destination', 'namespace')) || 'default';
  const out: IntentionSource[] = [];
  list(spec(value).sources).forEach((s, i) => {
    const r = record(s);
    if (!r) return;
    const peer = text(r.peer);
    const sameness = text(r.samenessGroup);
    const namespace = text(r.namespace) || (peer || sameness ? 'default' : destinationNamespace);
    const partition = peer || sameness ? '' : text(r.partition) || 'default';
    const outcome = list(r.permissions).length > 0 ? 'permissions' : text(r.action);
    out.push({ index: i, name: text(r.name), scope: [namespace, partition, peer, sameness].join('|'), outcome });
  });
  return out;
}
