// Kubernetes equality label selectors (`matchLabels`, Istio `selector`/`workloadSelector`
// labels): every key must be present with the same value; an empty selector selects all.
export type Labels = Readonly<Record<string, string>>;

const own = Object.prototype.hasOwnProperty;

export function selectorMatches(selector: Labels, labels: Labels): boolean {
  // for…in rather than Object.entries: this runs for every selector against every workload
  for (const key in selector) {
    if (own.call(selector, key) && labels[key] !== selector[key]) return false;
  }
  return true;
}

/** `k=v,k2=v2` with keys sorted, as kubectl prints a selector. */
export function selectorText(selector: Labels): string {
  return Object.keys(selector).sort().map((k) => `${k}=${selector[k]}`).join(',');
}
