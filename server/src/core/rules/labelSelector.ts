// Kubernetes equality label selectors (`matchLabels`, Istio `selector`/`workloadSelector`
// labels): every key must be present with the same value; an empty selector selects all.
export type Labels = Readonly<Record<string, string>>;

export function selectorMatches(selector: Labels, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector)) {
    if (labels[key] !== value) return false;
  }
  return true;
}

/** `k=v,k2=v2` with keys sorted, as kubectl prints a selector. */
export function selectorText(selector: Labels): string {
  return Object.keys(selector).sort().map((k) => `${k}=${selector[k]}`).join(',');
}
