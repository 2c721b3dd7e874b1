// How the editor shows the core's numbers: mesh names, replicas, CPU, memory and money as
// short labels for CodeLens, inlay hints, the status bar and the report. Formatting only:
// every number passed in was computed by the calculation core; nothing is summed here.
import type { MeshName } from '../settings';
import { formatMoney } from './costText';
import type { WorkloadCost } from './workloadCost';

const CURRENCY_SYMBOL: Readonly<Record<string, string>> = { INR: '₹', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

export const MESH_LABELS: Readonly<Record<MeshName, string>> = {
  istio: 'Istio sidecar',
  'istio-ambient': 'Istio ambient',
  linkerd: 'Linkerd',
  consul: 'Consul',
  none: 'no mesh',
};

/** `kind/namespace/name`, the key the workspace index uses; the CodeLens passes it to the report. */
export function workloadId(w: Pick<WorkloadCost, 'kind' | 'namespace' | 'name'>): string {
  return `${w.kind}/${w.namespace}/${w.name}`;
}

/** A waypoint is reported with mesh istio-ambient; its label says what it is. */
export function workloadMeshLabel(w: Pick<WorkloadCost, 'kind' | 'mesh'>): string {
  if (w.mesh === 'istio-ambient' && (w.kind === 'Gateway' || w.kind === 'Waypoint')) return 'Istio waypoint';
  return MESH_LABELS[w.mesh];
}

function withSymbol(text: string, currency: string): string {
  const symbol = CURRENCY_SYMBOL[currency];
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  return `${negative ? '-' : ''}${symbol ?? `${currency} `}${body}`;
}

/** Minor units → `₹643.32` (two decimals, as the CLI prints). */
export function moneyExact(minor: number, currency: string): string {
  return withSymbol(formatMoney(minor), currency);
}

/**
 * Minor units → `₹643` for glanceable places (lens, status bar, hints): whole units from 100
 * up (rounded half up from the exact paise), two decimals below, `₹0` for nothing.
 */
export function moneyShort(minor: number, currency: string): string {
  if (minor === 0) return withSymbol('0', currency);
  if (Math.abs(minor) < 10000) return moneyExact(minor, currency);
  const sign = minor < 0 ? -1 : 1;
  const whole = Math.floor((Math.abs(minor) + 50) / 100);
  return withSymbol(`${sign < 0 ? '-' : ''}${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`, currency);
}

export function cpuLabel(millicores: number): string {
  return `${millicores}m`;
}

/** Hundredths of a MiB (as the core reports memory) → `384Mi` or `384.50Mi`, as the CLI prints. */
export function memoryLabel(hundredthsMiB: number): string {
  return `${hundredthsMiB % 100 === 0 ? hundredthsMiB / 100 : (hundredthsMiB / 100).toFixed(2)}Mi`;
}

/** Replicas as the core counts them: whole for controllers, fractional for Jobs (duty). */
export function replicasLabel(replicas: number): string {
  return Number.isInteger(replicas) ? String(replicas) : String(Number(replicas.toFixed(3)));
}
