/**
 * The stance shift as a PNG, drawn in-process: Apache ECharts renders onto a Skia canvas
 * (@napi-rs/canvas, whose binary comes from the npm registry). The font is Noto Sans from the
 * @fontsource/noto-sans package, registered under a name of our own, so the chart looks the same
 * on a server with no fonts installed. Colours are Okabe–Ito blue and orange, which stay
 * distinct for every common kind of colour blindness; each bar also carries its number.
 */
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import * as echarts from 'echarts';
import type { Locale } from '../knowledge/model.js';
import { truncate } from '../text.js';
import type { StanceCount } from './discussion.js';
import { dt } from './messages.js';

export const CHART_SIZE = { width: 960, height: 540 } as const;
/** Okabe & Ito (2008): blue for before, orange for after. */
export const CHART_COLOURS = { before: '#0072B2', after: '#E69F00', text: '#1a1a1a', grid: '#d0d0d0' } as const;
const FONT_FAMILY = 'SumberChart';

let fontRegistered = false;
function registerFont(): void {
  if (fontRegistered) return;
  const require = createRequire(import.meta.url);
  for (const weight of ['400', '700']) {
    for (const subset of ['latin', 'latin-ext']) {
      const file = require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff2`);
      GlobalFonts.registerFromPath(file, FONT_FAMILY);
    }
  }
  fontRegistered = true;
}

let platformSet = false;
// ECharts is typed for the browser; on the server it takes any canvas with the same methods.
type EChartsCanvas = ReturnType<NonNullable<Parameters<typeof echarts.setPlatformAPI>[0]['createCanvas']>>;
type EChartsDom = Parameters<typeof echarts.init>[0];

/**
 * The chart of stance counts before and after, as PNG bytes.
 *
 * @example
 * const png = renderStanceChart(tallyStances(stances, options), question, 'id');
 */
export function renderStanceChart(counts: readonly StanceCount[], question: string, locale: Locale): Buffer {
  registerFont();
  if (!platformSet) {
    // ECharts measures text on a canvas of its own; give it a Skia one.
    echarts.setPlatformAPI({ createCanvas: () => createCanvas(32, 32) as unknown as EChartsCanvas });
    platformSet = true;
  }
  const canvas = createCanvas(CHART_SIZE.width, CHART_SIZE.height);
  const chart = echarts.init(canvas as unknown as EChartsDom, null, { ...CHART_SIZE, renderer: 'canvas' });
  const before = counts.reduce((n, c) => n + c.before, 0);
  const after = counts.reduce((n, c) => n + c.after, 0);
  const text = { fontFamily: FONT_FAMILY, color: CHART_COLOURS.text };
  const bar = (name: string, colour: string, values: number[]) => ({
    name,
    type: 'bar' as const,
    data: values,
    barMaxWidth: 90,
    itemStyle: { color: colour },
    label: { show: true, position: 'top' as const, fontSize: 20, fontWeight: 'bold' as const, ...text },
  });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: text,
    title: {
      text: dt(locale, 'chart.title'),
      subtext: truncate(question, 110),
      left: 'center',
      top: 14,
      textStyle: { fontSize: 26, fontWeight: 'bold', ...text },
      subtextStyle: { fontSize: 17, ...text, color: '#444444' },
    },
    legend: {
      top: 92,
      itemWidth: 28,
      itemHeight: 18,
      textStyle: { fontSize: 18, ...text },
      data: [dt(locale, 'chart.before', { count: before }), dt(locale, 'chart.after', { count: after })],
    },
    grid: { left: 90, right: 40, top: 140, bottom: 120 },
    xAxis: {
      type: 'category',
      data: counts.map((c) => truncate(c.option.label[locale], 60)),
      axisLabel: {
        fontSize: 17,
        lineHeight: 22,
        interval: 0,
        width: Math.floor((CHART_SIZE.width - 130) / Math.max(1, counts.length)) - 16,
        overflow: 'break',
        ...text,
      },
      axisLine: { lineStyle: { color: CHART_COLOURS.text } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      // Room above the tallest bar for its number.
      max: ({ max }: { max: number }) => Math.max(1, max) + 1,
      name: dt(locale, 'chart.axis'),
      nameLocation: 'middle',
      nameGap: 50,
      nameTextStyle: { fontSize: 17, ...text },
      axisLabel: { fontSize: 16, ...text },
      splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
    },
    series: [
      bar(
        dt(locale, 'chart.before', { count: before }),
        CHART_COLOURS.before,
        counts.map((c) => c.before),
      ),
      bar(
        dt(locale, 'chart.after', { count: after }),
        CHART_COLOURS.after,
        counts.map((c) => c.after),
      ),
    ],
  });
  const png = canvas.toBuffer('image/png');
  chart.dispose();
  return png;
}
