/**
 * Round once: for every region-month of the demo year (12 months × 14 cities and 122 counties = 1,632), each
 * number the ranking screen shows equals the number in the Excel export's cell, and both equal the exact value
 * computed from the row's whole numbers by an independent route (BigInt fractions). Before the display model,
 * screen and file disagreed on 较时序进度 in 86 region-months (湘潭 2020年1—6月: −11.6 on screen, −11.5 in Excel).
 */
import { rankingColumns, type MetricRow } from '@dispatch/core';
import { cellNumber, exactRankingFigures, plainNumber } from '@dispatch/core/testing';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession();

test('every shown number of 2020 is the Excel cell’s number and the exact value, rounded once', { timeout: 240_000 }, async () => {
  const { page } = session;
  let compared = 0;
  for (let month = 1; month <= 12; month++) {
    const period = `2020-${String(month).padStart(2, '0')}`;
    for (const level of ['city', 'county'] as const) {
      const rows = (await session.api<{ rows: MetricRow[] }>(`/api/metrics?period=${period}&level=${level}`)).rows;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await session.file(`/api/exports/rankings.xlsx?period=${period}&level=${level}`));
      const sheet = workbook.worksheets[0]!;
      await page.goto(`${session.server.url}/rankings?period=${period}&level=${level}`);
      await page.locator(`table.ranking tbody tr[data-code="${rows.at(-1)!.code}"]`).waitFor();
      const screen = await page.locator('table.ranking tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ code: tr.getAttribute('data-code'), cells: [...tr.querySelectorAll('td, th')].map((c) => c.textContent?.trim() ?? '') })),
      );
      expect(screen.map((r) => r.code)).toEqual(rows.map((r) => r.code));
      rows.forEach((row, i) => {
        const excel = (sheet.getRow(3 + i).values as unknown[]).slice(1);
        const wanted = exactRankingFigures(row, month);
        rankingColumns(level).forEach((column, c) => {
          const value = wanted[column.key];
          if (value === undefined) return;
          const shown = screen[i]!.cells[c]!;
          expect({ region: row.name, period, column: column.key, screen: shown === '—' ? null : plainNumber(shown), excel: cellNumber(excel[c], column.format === 'percent') })
            .toEqual({ region: row.name, period, column: column.key, screen: value, excel: value === null ? null : String(Number(value)) });
        });
        compared++;
      });
    }
  }
  expect(compared).toBe(1_632);
});
