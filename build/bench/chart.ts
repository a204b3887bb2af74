// A small bar chart as hand-written SVG, for figures the report shows as a
// picture (throughput against bridge replicas): one bar per point, its value
// printed above it, a y axis from zero with a few ticks, and both axes
// labelled. Pure: the same points give the same bytes.

export interface BarChartPoint {
  /** Under the bar, e.g. "2". */
  label: string;
  value: number;
}

export interface BarChart {
  title: string;
  xLabel: string;
  yLabel: string;
  points: BarChartPoint[];
  /** A dashed line across the chart, e.g. the target. */
  reference?: {value: number; label: string};
}

const WIDTH = 560;
const HEIGHT = 360;
const PLOT = {left: 80, right: 24, top: 48, bottom: 64};

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&${{'<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos'}[character]};`);
}

/** A tick step of 1, 2 or 5 × 10^n giving at most `most` steps up to `max`. */
export function tickStep(max: number, most = 5): number {
  if (!(max > 0)) return 1;
  const rough = max / most;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((factor) => factor * magnitude).find((step) => step >= rough) ?? 10 * magnitude;
}

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export function barChartSvg(chart: BarChart): string {
  if (chart.points.length === 0) throw new Error('a bar chart needs at least one point');
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const highest = Math.max(...chart.points.map((point) => point.value), chart.reference?.value ?? 0);
  const step = tickStep(highest);
  const top = Math.max(step, Math.ceil(highest / step) * step);
  const y = (value: number) => PLOT.top + plotHeight - (Math.max(0, value) / top) * plotHeight;
  const slot = plotWidth / chart.points.length;
  const barWidth = Math.min(80, slot * 0.6);
  const text = (x: number, yPos: number, content: string, extra = '') => `<text x="${x.toFixed(1)}" y="${yPos.toFixed(1)}"${extra}>${escapeXml(content)}</text>`;

  const lines: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    text(WIDTH / 2, 24, chart.title, ' text-anchor="middle" font-size="15" font-weight="bold"'),
  ];
  for (let tick = 0; tick <= top + step / 1000; tick += step) {
    lines.push(`<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#e0e0e0"/>`);
    lines.push(text(PLOT.left - 8, y(tick) + 4, formatNumber(tick), ' text-anchor="end" fill="#555555"'));
  }
  chart.points.forEach((point, index) => {
    const centre = PLOT.left + slot * index + slot / 2;
    const barTop = y(point.value);
    lines.push(`<rect class="bar" x="${(centre - barWidth / 2).toFixed(1)}" y="${barTop.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(0) - barTop).toFixed(1)}" fill="#1c58d9"/>`);
    lines.push(text(centre, barTop - 6, formatNumber(point.value), ' text-anchor="middle" font-weight="bold"'));
    lines.push(text(centre, y(0) + 18, point.label, ' text-anchor="middle"'));
  });
  if (chart.reference) {
    const at = y(chart.reference.value).toFixed(1);
    lines.push(`<line class="reference" x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${at}" y2="${at}" stroke="#d24b4e" stroke-dasharray="6 4"/>`);
    lines.push(text(WIDTH - PLOT.right - 4, Number(at) - 6, chart.reference.label, ' text-anchor="end" fill="#d24b4e"'));
  }
  lines.push(
    `<line x1="${PLOT.left}" x2="${PLOT.left}" y1="${PLOT.top}" y2="${y(0).toFixed(1)}" stroke="#333333"/>`,
    `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" stroke="#333333"/>`,
    text(PLOT.left + plotWidth / 2, HEIGHT - 16, chart.xLabel, ' text-anchor="middle"'),
    text(18, PLOT.top + plotHeight / 2, chart.yLabel, ` text-anchor="middle" transform="rotate(-90 18 ${(PLOT.top + plotHeight / 2).toFixed(1)})"`),
    '</svg>',
  );
  return `${lines.join('\n')}\n`;
}
