// Every destination a VirtualService routes or mirrors to, with the path of its
// `destination` block, in istioctl's order: tcp, tls and http routes, then http mirrors.
import type { JsonPath } from '../parse/locator';
import { list, record, spec, text, type Plain } from './plainValue';

export interface RouteDestination {
  readonly kind: 'route' | 'mirror';
  /** Path of the destination block (host, subset, port under it). */
  readonly path: JsonPath;
  readonly host: string;
  readonly subset: string;
  /** destination.port.number, undefined when no port is given. */
  readonly port: number | undefined;
  readonly hasPort: boolean;
}

function destinationOf(kind: 'route' | 'mirror', path: JsonPath, value: unknown): RouteDestination {
  const d: Plain = record(value) ?? {};
  const port = record(d.port);
  return { kind, path, host: text(d.host), subset: text(d.subset), port: port ? Number(port.number) || 0 : undefined, hasPort: port !== undefined };
}

export function routeDestinations(vs: Plain): RouteDestination[] {
  const s = spec(vs);
  const out: RouteDestination[] = [];
  for (const section of ['tcp', 'tls', 'http'] as const) {
    list(s[section]).forEach((rule, i) => {
      list(record(rule)?.route).forEach((route, j) => {
        out.push(destinationOf('route', ['spec', section, i, 'route', j, 'destination'], record(route)?.destination));
      });
    });
  }
  return out;
}

export function mirrorDestinations(vs: Plain): RouteDestination[] {
  const out: RouteDestination[] = [];
  list(spec(vs).http).forEach((rule, i) => {
    const r = record(rule);
    if (!r) return;
    if (record(r.mirror)) out.push(destinationOf('mirror', ['spec', 'http', i, 'mirror'], r.mirror));
    list(r.mirrors).forEach((m, j) => out.push(destinationOf('mirror', ['spec', 'http', i, 'mirrors', j, 'destination'], record(m)?.destination)));
  });
  return out;
}

/** Route destinations, then mirrors: every destination the VirtualService sends traffic to. */
export function allDestinations(vs: Plain): RouteDestination[] {
  return [...routeDestinations(vs), ...mirrorDestinations(vs)];
}

/** The VirtualService's gateways ('mesh' when the list is empty). */
export function gatewaysOf(vs: Plain): string[] {
  return list(spec(vs).gateways).map(text);
}
