// IP addresses and CIDR ranges as Go's net/netip parses them (ParseAddr, ParsePrefix),
// which is what Istio's admission webhook uses for AuthorizationPolicy IP attributes
// (pkg/config/security ValidateIPs): IPv4 in dotted decimal without leading zeros, IPv6
// with at most one `::`, and a prefix length within the address size.

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(text: string): boolean {
  // a zone (`%eth0`) is accepted by ParseAddr but not in a prefix; callers decide
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const all = halves.flatMap(groups);
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (/^[0-9a-fA-F]{1,4}$/.test(g)) count += 1;
    else if (i === all.length - 1 && isIPv4(g)) count += 2;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

/** A single IPv4 or IPv6 address. */
export function isIpAddress(text: string): boolean {
  const at = text.indexOf('%');
  return isIPv4(text) || isIPv6(at > 0 ? text.slice(0, at) : text);
}

/** `address/bits` with bits within 0..32 (IPv4) or 0..128 (IPv6). */
export function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const ip = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  return isIPv6(ip) && Number(bits) <= 128;
}

/** What Istio accepts where an IP attribute is expected: a CIDR if it has a `/`, else an address. */
export function isIpOrCidr(text: string): boolean {
  return text.includes('/') ? isCidr(text) : isIpAddress(text);
}
