// The destinations of the VirtualService a rule checks, each with the Service or
// ServiceEntry its host resolves to (honouring the VirtualService's exportTo); destinations
// whose host resolves to nothing in the workspace are left out.
import { strings, spec } from './plainValue';
import type { RuleContext } from './rule';
import { lookupHost, type RegisteredService } from './serviceRegistry';
import { allDestinations, type RouteDestination } from './virtualServiceDestinations';

export function destinationServices(ctx: RuleContext): { destination: RouteDestination; service: RegisteredService }[] {
  const vs = ctx.resource.resource.value;
  const exportTo = strings(spec(vs).exportTo);
  return allDestinations(vs).flatMap((destination) => {
    const service = lookupHost(ctx.index, ctx.resource.namespace, exportTo, destination.host);
    return service ? [{ destination, service }] : [];
  });
}
