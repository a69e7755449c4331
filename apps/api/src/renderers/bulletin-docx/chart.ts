import { createRequire } from 'node:module';
import type { BulletinChart } from '@dispatch/core';
import { Resvg } from '@resvg/resvg-js';
import { completionChartSvg } from '../bulletin-pdf/chart-svg.ts';

const require = createRequire(import.meta.url);
/** The committed fonts (data/fonts/), the only ones the rasteriser sees: the picture is the same on every machine. */
const FONT_FILES = ['NotoSerifSC-Regular.ttf', 'NotoSansSC-Regular.otf'].map((name) => require.resolve(`@dispatch/data/fonts/${name}`));

/** The PDF's chart size in points (156 × 70 mm) and the picture's resolution: three pixels a point, 216 dpi. */
export const CHART_POINTS = { width: (156 * 72) / 25.4, height: (70 * 72) / 25.4 };
const SCALE = 3;

const drawn = new Map<string, Buffer>();
const DRAWN_SIZE = 16;

/**
 * The completion chart as a PNG for the Word copy: the PDF's own SVG (ECharts on the server), rasterised by resvg
 * with the bulletin's fonts, so that the Word copy shows what the PDF shows, Chinese labels included. The same
 * chart gives the same bytes; the picture is kept per chart (it takes ~50 ms to draw).
 */
export function completionChartPng(chart: BulletinChart): Buffer {
  const svg = completionChartSvg(chart, CHART_POINTS.width, CHART_POINTS.height);
  let png = drawn.get(svg);
  if (!png) {
    if (drawn.size >= DRAWN_SIZE) drawn.clear();
    const resvg = new Resvg(svg, {
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Serif SC', serifFamily: 'Noto Serif SC', sansSerifFamily: 'Noto Sans SC' },
      fitTo: { mode: 'width', value: Math.round(CHART_POINTS.width * SCALE) },
      background: 'white',
    });
    png = resvg.render().asPng();
    drawn.set(svg, png);
  }
  return png;
}
