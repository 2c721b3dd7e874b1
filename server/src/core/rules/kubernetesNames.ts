// The name syntaxes the Kubernetes API server enforces (k8s.io/apimachinery
// pkg/util/validation): DNS-1123 labels and subdomains, DNS-1035 labels, IANA service
// names for ports, qualified names for label and annotation keys, and label values.
// Each check returns why a text is rejected, in our words, or undefined when it is valid.
import { memoByText } from './textMemo';

const DNS1123_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z](?:[-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export function isDns1123Label(text: string): boolean {
  return text.length <= 63 && DNS1123_LABEL.test(text);
}

export function isDns1123Subdomain(text: string): boolean {
  return text.length <= 253 && DNS1123_SUBDOMAIN.test(text);
}

export function dns1123LabelProblem(text: string): string | undefined {
  if (text.length > 63) return `it is ${text.length} characters long; at most 63 are allowed`;
  if (!DNS1123_LABEL.test(text)) return 'only lowercase letters, digits and `-` are allowed, starting and ending with a letter or digit';
  return undefined;
}

export function dns1035LabelProblem(text: string): string | undefined {
  if (text.length > 63) return `it is ${text.length} characters long; at most 63 are allowed`;
  if (/^[0-9]/.test(text)) return 'it must start with a letter';
  if (!DNS1035_LABEL.test(text)) return 'only lowercase letters, digits and `-` are allowed, starting with a letter and ending with a letter or digit';
  return undefined;
}

/** IsValidPortName: what a container port name and a named `targetPort` must be. */
export function portNameProblem(text: string): string | undefined {
  if (text.length > 15) return `it is ${text.length} characters long; a port name has at most 15`;
  if (!/^[-a-z0-9]+$/.test(text)) return 'only lowercase letters, digits and `-` are allowed';
  if (!/[a-z]/.test(text)) return 'it must contain at least one letter (a port name made of digits only is read as a name, not a number)';
  if (text.includes('--')) return 'it must not contain `--`';
  if (text.startsWith('-') || text.endsWith('-')) return 'it must not start or end with `-`';
  return undefined;
}

/** IsQualifiedName: `[prefix/]name`, the prefix a DNS-1123 subdomain, the name at most 63 characters. */
export const qualifiedNameProblem: (key: string) => string | undefined = memoByText(qualifiedNameCheck);

function qualifiedNameCheck(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'it may contain at most one `/` (between an optional DNS prefix and the name)';
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === '') return 'the prefix before `/` is empty';
    if (prefix.length > 253) return 'the prefix before `/` is longer than 253 characters';
    if (!DNS1123_SUBDOMAIN.test(prefix)) return `the prefix \`${prefix}\` must be a lowercase DNS name (letters, digits, \`-\` and \`.\`)`;
  }
  if (name === '') return 'the name is empty';
  if (name.length > 63) return `the name is ${name.length} characters long; at most 63 are allowed`;
  if (!QUALIFIED_NAME_PART.test(name)) return 'the name may hold only letters, digits, `-`, `_` and `.`, and must start and end with a letter or digit';
  return undefined;
}

/** IsValidLabelValue: empty, or at most 63 characters of the qualified-name alphabet. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `it is ${value.length} characters long; at most 63 are allowed`;
  if (!QUALIFIED_NAME_PART.test(value)) return 'only letters, digits, `-`, `_` and `.` are allowed, starting and ending with a letter or digit';
  return undefined;
}

/** A valid text near `text` for a DNS-style check (lowercased, other characters → `-`), if one is. */
export function suggestDnsStyle(text: string, valid: (candidate: string) => boolean): string | undefined {
  const candidate = text.toLowerCase().replace(/[^-a-z0-9]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  return candidate && candidate !== text && valid(candidate) ? candidate : undefined;
}
