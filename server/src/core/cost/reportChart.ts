// Hand-written inline SVG bar charts for the cost report: no chart library, no remote
// resource, nothing for the webview's strict CSP to block. Colours come from CSS classes
// (the report's stylesheet maps them to VS Code theme variables), since presentation
// attributes cannot read CSS variables. Bar lengths are drawing geometry; the numbers
// printed beside them are the core's, passed in already formatted.

export interface Bar {
  readonly label: string;
  /** The amount in minor units, for the bar's length only. */
  readonly minor: number;
  /** The amount as shown, e.g. `₹643.32`. */
  readonly text: string;
  /** CSS class giving the bar its colour. */
  readonly colour: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 170;
const BAR_SPACE = 330;
const ROW = 26;
const BAR_HEIGHT = 16;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function clip(label: string, max = 24): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** A horizontal bar chart; `id` names it for tests and the e2e suite. */
export function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const height = Math.max(1, bars.length) * ROW + 8;
  const max = Math.max(0, ...bars.map((b) => b.minor));
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW;
    const length = max > 0 && b.minor > 0 ? Math.max(1, Math.round((b.minor / max) * BAR_SPACE)) : 0;
    const label = escapeHtml(b.label);
    return (
      `<g class="bar-row" data-label="${label}">` +
      `<text class="bar-label" x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 3}" text-anchor="end">${escapeHtml(clip(b.label))}</text>` +
      `<rect class="bar ${escapeHtml(b.colour)}" x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR_HEIGHT}" rx="2"><title>${label}: ${escapeHtml(b.text)}</title></rect>` +
      `<text class="bar-value" x="${LABEL_WIDTH + length + 6}" y="${y + BAR_HEIGHT - 3}">${escapeHtml(b.text)}</text>` +
      '</g>'
    );
  });
  const empty = bars.length === 0 ? `<text class="bar-label" x="8" y="${ROW - 8}">Nothing to chart.</text>` : '';
  return (
    `<svg class="chart" id="${escapeHtml(id)}" role="img" aria-label="${escapeHtml(title)}" ` +
    `width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">${rows.join('')}${empty}</svg>`
  );
}
