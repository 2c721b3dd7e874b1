// Misplacement hints: where else in the same kind a field of a given name is allowed, so
// `consecutiveGatewayErrors` under `trafficPolicy.connectionPool.http` can say
// "it belongs under spec.trafficPolicy.outlierDetection".
import type { JsonPath } from '../parse/locator';
import { LIST_ITEM, MAP_VALUE, formatPath, type SchemaStep } from './pathText';
import { asNode, deref, step, type SchemaNode } from './schemaWalk';

export interface FieldHome {
  /** The holder's path as a message shows it (concrete where it shares a prefix with the mistake); '' for the top level. */
  readonly display: string;
  /** A concrete path of the holder object, when every step is known (for a quick fix). */
  readonly moveTo?: JsonPath;
}

export interface FieldHomes {
  /** The most likely holder of `field`, given the path of the object it was found in. */
  find(field: string, foundIn: JsonPath): FieldHome | undefined;
}

function index(root: SchemaNode): Map<string, SchemaStep[][]> {
  const homes = new Map<string, SchemaStep[][]>();
  const walk = (node: SchemaNode | undefined, steps: SchemaStep[]) => {
    if (!node) return;
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const list = homes.get(name) ?? [];
      list.push(steps);
      homes.set(name, list);
      walk(deref(root, asNode(child)), [...steps, name]);
    }
    walk(deref(root, asNode(node.items)), [...steps, LIST_ITEM]);
    walk(deref(root, asNode(node.additionalProperties)), [...steps, MAP_VALUE]);
  };
  walk(deref(root, root), []);
  return homes;
}

/** The schema steps the instance path `path` goes through (as far as the schema follows it). */
function stepsOf(root: SchemaNode, path: JsonPath): SchemaStep[] {
  const steps: SchemaStep[] = [];
  let node = deref(root, root);
  for (const segment of path) {
    const next = node && step(root, node, segment);
    if (!next) break;
    steps.push(next[0]);
    node = next[1];
  }
  return steps;
}

function commonPrefix(a: readonly SchemaStep[], b: readonly SchemaStep[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export function createFieldHomes(schema: object): FieldHomes {
  const root = schema as SchemaNode;
  const homes = index(root);
  return {
    find(field, foundIn) {
      const candidates = homes.get(field);
      if (!candidates) return undefined;
      const here = stepsOf(root, foundIn);
      let best: SchemaStep[] | undefined;
      let bestScore = -1;
      for (const steps of candidates) {
        const score = commonPrefix(here, steps);
        // `name` deep inside spec does not belong in metadata just because metadata has a `name`
        if (steps[0] === 'metadata' && score === 0 && foundIn.length > 1) continue;
        if (score > bestScore || (score === bestScore && best && steps.length < best.length)) {
          best = steps;
          bestScore = score;
        }
      }
      if (!best) return undefined;
      const prefix = foundIn.slice(0, bestScore);
      const rest = best.slice(bestScore);
      const display = formatPath([...prefix, ...rest]);
      return rest.every((s) => typeof s === 'string') ? { display, moveTo: [...prefix, ...(rest as string[])] } : { display };
    },
  };
}
