// How Istio reads `*` in AuthorizationPolicy string values (paths, hosts, principals).
/**
 * Whether some `*` in `value` is matched literally: Istio reads one leading `*` as a suffix
 * match, else one trailing `*` as a prefix match (pilot/pkg/security/authz/matcher
 * StringMatcherWithPrefix), and every other `*` as text.
 */
export function literalStar(value: string): boolean {
  if (value === '*') return false;
  const rest = value.startsWith('*') ? value.slice(1) : value.endsWith('*') ? value.slice(0, -1) : value;
  return rest.includes('*');
}
