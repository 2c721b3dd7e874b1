// Formats our generated schemas use (ajv knows none of them by default). Each carries the
// phrase a finding uses to say what was expected.
import { isGoDuration } from './goDuration';
import { isQuantity } from './quantity';

export interface MeshFormat {
  readonly name: string;
  readonly validate: (text: string) => boolean;
  /** Completes "`x` must be …". */
  readonly expected: string;
}

// Kubernetes' IsDNS1123Subdomain / IsDNS1123Label (apimachinery validation).
const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

export const MESH_FORMATS: readonly MeshFormat[] = [
  {
    name: 'mm-duration',
    validate: isGoDuration,
    expected: 'a duration such as 10s, 1m30s, 1.5h or 100ms',
  },
  {
    name: 'mm-quantity',
    validate: isQuantity,
    expected: 'a Kubernetes quantity such as 100m, 128Mi, 1.5Gi or 1e3',
  },
  {
    name: 'mm-dns-subdomain',
    validate: (text) => DNS_SUBDOMAIN.test(text),
    expected: 'a lowercase DNS name: lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit',
  },
  {
    name: 'mm-dns-label',
    validate: (text) => DNS_LABEL.test(text),
    expected: 'a lowercase DNS label: lowercase letters, digits and `-`, starting and ending with a letter or digit',
  },
];

export function formatInfo(name: string): MeshFormat | undefined {
  return MESH_FORMATS.find((f) => f.name === name);
}

/** A valid value close to `text` for the DNS formats (lowercased, `_` → `-`), if one is. */
export function suggestDnsName(format: string, text: string): string | undefined {
  const info = formatInfo(format);
  if (!info || !format.startsWith('mm-dns-')) return undefined;
  const candidate = text.toLowerCase().replace(/[_\s]+/g, '-').replace(/^-+|-+$/g, '');
  return candidate && candidate !== text && info.validate(candidate) ? candidate : undefined;
}
