import {barChartSvg, escapeXml, tickStep} from './chart';

// The replicas chart in docs/ is written by barChartSvg: a reader must see
// every bar with its value, the axes' meaning and the target line.

const chart = {
  title: 'Handoffs per second by bridge processes',
  xLabel: 'bridge processes on one PostgreSQL',
  yLabel: 'handoffs/s (DM delivered)',
  points: [
    {label: '1', value: 200},
    {label: '2', value: 400},
    {label: '3', value: 300.25},
  ],
};

const bars = (svg: string) => [...svg.matchAll(/<rect class="bar" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g)].map((match) => ({y: Number(match[1]), height: Number(match[2])}));

describe('the bar chart', () => {
  it('is an SVG document with the title, both axis labels, each bar label and each value', () => {
    const svg = barChartSvg(chart);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    for (const text of [chart.title, chart.xLabel, chart.yLabel, '>1<', '>2<', '>3<', '>200<', '>400<', '>300.3<']) expect(svg).toContain(text);
  });

  it('draws one bar per point, heights in proportion to the values, all standing on one baseline', () => {
    const drawn = bars(barChartSvg(chart));
    expect(drawn).toHaveLength(3);
    expect(drawn[1]!.height / drawn[0]!.height).toBeCloseTo(2, 2);
    expect(drawn[2]!.height / drawn[0]!.height).toBeCloseTo(300.25 / 200, 2);
    const baselines = drawn.map((bar) => (bar.y + bar.height).toFixed(0));
    expect(new Set(baselines).size).toBe(1);
  });

  it('draws the reference line with its label, and the axis reaches it when it is above every bar', () => {
    const svg = barChartSvg({...chart, reference: {value: 500, label: 'target 500/s'}});
    expect(svg).toContain('class="reference"');
    expect(svg).toContain('target 500/s');
    const tallest = Math.max(...bars(svg).map((bar) => bar.height));
    const lowest = barChartSvg(chart);
    expect(tallest).toBeLessThan(Math.max(...bars(lowest).map((bar) => bar.height)));
  });

  it('escapes text, so a label cannot break the markup', () => {
    const svg = barChartSvg({...chart, title: 'a < b & "c"'});
    expect(svg).toContain('a &lt; b &amp; &quot;c&quot;');
    expect(escapeXml("<'>")).toBe('&lt;&apos;&gt;');
  });

  it('draws zero-valued bars flat and refuses an empty chart', () => {
    expect(bars(barChartSvg({...chart, points: [{label: '1', value: 0}]}))[0]!.height).toBe(0);
    expect(() => barChartSvg({...chart, points: []})).toThrow('at least one point');
  });

  it('picks round tick steps: 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(400)).toBe(100);
    expect(tickStep(730)).toBe(200);
    expect(tickStep(23)).toBe(5);
    expect(tickStep(0)).toBe(1);
  });
});
