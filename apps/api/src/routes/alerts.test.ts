import { ALERT_RULES, DEFAULT_ALERT_SETTINGS, isBehind, type Alert, type AlertSummary, type MetricRow } from '@dispatch/core';
import { describe, expect, test } from 'vitest';
import { useDemoApi } from '../testing/test-session.ts';

const api = useDemoApi();
const MONTHS = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`);
const alertsOf = async (query: string) => (await api.get(`/api/alerts?${query}`)).body.alerts as Alert[];
const rowsOf = async (query: string) => (await api.get(`/api/metrics?${query}`)).body.rows as MetricRow[];

describe('the 2020 demo year, as the dispatch meeting reads it', () => {
  test('常德, 邵阳 and 郴州 are the cities summoned in December: twelve months in the bottom three', async () => {
    const { body } = await api.get('/api/alerts/summary?period=2020-12');
    const cities = (body as AlertSummary).summons.filter((a) => a.level === 'city');
    expect(cities.map((a) => a.regionName).sort()).toEqual(['常德市', '郴州市', '邵阳市'].sort());
    expect(cities.every((a) => a.message.startsWith('连续12个月排名全省市州后3位'))).toBe(true);
  });

  // Save no-data: the demo marks every month of its year as arrived (import-upload.test.ts has it fire for real imports).
  test('every supervision rule fires at least once in the year, and no-data never', async () => {
    const seen = new Set<string>();
    for (const period of MONTHS) for (const alert of await alertsOf(`period=${period}`)) seen.add(alert.rule);
    expect([...seen].sort()).toEqual(ALERT_RULES.filter((rule) => rule !== 'no-data').sort());
  });

  test('COVID spring (2020-02): red behind-time is a minority of the 122 counties', async () => {
    const behind = (await alertsOf('period=2020-02&level=county&rule=behind-time'));
    const red = behind.filter((a) => a.severity === 'red');
    expect(behind.length).toBeGreaterThan(100); // nearly every county is behind
    expect(red.length).toBeGreaterThan(0);
    expect(red.length).toBeLessThan(122 / 3);
  });
});

describe('alerts agree with the rankings, month by month', () => {
  test.each(MONTHS)('%s: behind-time regions are behind in /api/metrics; summoned ones were bottom N for K months', async (period) => {
    const month = Number(period.slice(5));
    const alerts = await alertsOf(`period=${period}`);
    for (const level of ['city', 'county'] as const) {
      const rows = new Map((await rowsOf(`period=${period}&level=${level}`)).map((r) => [r.code, r]));
      for (const alert of alerts.filter((a) => a.level === level && a.rule === 'behind-time')) {
        expect(isBehind(rows.get(alert.regionCode)!.lag)).toBe(true);
        expect(rows.get(alert.regionCode)!.lag!).toBeLessThan(0);
      }
      const bottom = level === 'city' ? 3 : 10;
      for (const alert of alerts.filter((a) => a.level === level && a.rule === 'persistent-bottom')) {
        const months = Number(alert.facts.months);
        expect(months).toBeGreaterThanOrEqual(3);
        for (let m = month - months + 1; m <= month; m++) {
          const ranked = (await rowsOf(`period=2020-${String(m).padStart(2, '0')}&level=${level}`)).filter((r) => r.completionRatio !== null);
          expect(ranked.find((r) => r.code === alert.regionCode)!.rank).toBeGreaterThan(ranked.length - bottom);
        }
      }
    }
  });

  test.each(['2020-03', '2020-08', '2020-12'])('%s: the summary’s counts are the list’s', async (period) => {
    const summary = (await api.get(`/api/alerts/summary?period=${period}`)).body as AlertSummary;
    const alerts = await alertsOf(`period=${period}`);
    for (const { level, rule, red, yellow } of summary.counts) {
      const matching = alerts.filter((a) => a.level === level && a.rule === rule);
      expect({ level, rule, red, yellow }).toEqual({
        level, rule, red: matching.filter((a) => a.severity === 'red').length, yellow: matching.filter((a) => a.severity === 'yellow').length,
      });
    }
    expect(summary.summons).toEqual(alerts.filter((a) => a.rule === 'persistent-bottom'));
  });

  test.each(MONTHS)('%s: every red alert comes before every yellow one; of one colour, the cities before the counties', async (period) => {
    const order = (await alertsOf(`period=${period}`)).map((a) => `${a.severity === 'red' ? 0 : 1}${a.level === 'city' ? 0 : 1}`);
    expect(order).toEqual([...order].sort());
  });

  test.each([
    ['parent=430500', (a: { regionCode: string; parentCode: string | null }) => a.regionCode === '430500' || a.parentCode === '430500'],
    ['level=county&parent=430500', (a: { level: string; parentCode: string | null }) => a.level === 'county' && a.parentCode === '430500'],
    ['level=city', (a: { level: string }) => a.level === 'city'],
  ] as const)('the summary over a scope (%s) counts, summons and moves only the regions in it', async (scope, inScope) => {
    for (const period of ['2020-06', '2020-12']) {
      const summary = (await api.get(`/api/alerts/summary?period=${period}&${scope}`)).body as AlertSummary;
      const whole = (await api.get(`/api/alerts/summary?period=${period}`)).body as AlertSummary;
      const alerts = await alertsOf(`period=${period}&${scope}`);
      expect(alerts.every(inScope as (a: Alert) => boolean)).toBe(true);
      for (const { level, rule, red, yellow } of summary.counts) {
        const matching = alerts.filter((a) => a.level === level && a.rule === rule);
        expect([red, yellow]).toEqual([matching.filter((a) => a.severity === 'red').length, matching.filter((a) => a.severity === 'yellow').length]);
      }
      expect(summary.summons).toEqual(alerts.filter((a) => a.rule === 'persistent-bottom'));
      expect(summary.summons).toEqual(whole.summons.filter(inScope as (a: Alert) => boolean));
      for (const level of ['city', 'county'] as const) {
        for (const group of ['newlyBehind', 'recovered'] as const) {
          // not cut to the first five: the province's list, kept to the scope
          expect(summary.movers[level][group]).toEqual(whole.movers[level][group].filter(inScope as (m: unknown) => boolean));
        }
        for (const group of ['up', 'down'] as const) expect(summary.movers[level][group].every(inScope as (m: unknown) => boolean)).toBe(true);
      }
    }
  });

  test('filters: a city’s own alerts and its counties’; a rule; a severity', async () => {
    const all = await alertsOf('period=2020-06');
    expect(await alertsOf('period=2020-06&parent=430500')).toEqual(all.filter((a) => a.regionCode === '430500' || a.parentCode === '430500'));
    expect(await alertsOf('period=2020-06&level=county&rule=behind-time&severity=red')).toEqual(
      all.filter((a) => a.level === 'county' && a.rule === 'behind-time' && a.severity === 'red'),
    );
  });

  test.each([
    ['rule=late', 'rule'],
    ['severity=orange', 'severity'],
    ['level=province', 'level'],
    ['parent=430102', 'parent'],
    ['period=2020-13', 'period'],
  ])('%s is a 400 naming %s, for the list and the summary alike', async (query, field) => {
    for (const path of ['/api/alerts', ...(['rule', 'severity'].includes(field) ? [] : ['/api/alerts/summary'])]) {
      const { status, body } = await api.get(`${path}?${query}`);
      expect(status).toBe(400);
      expect(body.error.message).toContain(`参数 ${field}`);
    }
  });
});

describe('a level and a parent that contradict each other, on every route that takes both', () => {
  test.each([
    '/api/alerts?level=city&parent=430100',
    '/api/alerts?level=city&parent=430000',
    '/api/exports/alerts.xlsx?level=city&parent=430100',
    '/api/metrics?level=city&parent=430100',
    '/api/metrics?level=province&parent=430000',
    '/api/metrics/ranks?level=city&parent=430100',
    '/api/exports/rankings.xlsx?level=city&parent=430100',
  ])('%s is a 400 naming parent, in Chinese', async (path) => {
    const { status, body } = await api.get(`${path}&period=2020-06`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/^参数 parent（上级地区）：[^a-z]+$/);
  });

  test('the same parent is refused with the cities and answered with its counties, or with no level', async () => {
    const statuses = async (path: string) => Promise.all(['level=city&', 'level=county&', ''].map(async (level) => (await api.request(`${path}?period=2020-06&${level}parent=430100`)).status));
    expect(await statuses('/api/alerts')).toEqual([400, 200, 200]);
    expect(await statuses('/api/exports/alerts.xlsx')).toEqual([400, 200, 200]);
  });
});

describe('the rankings month by month, and a region’s alerts', () => {
  test('the heat map’s ranks are /api/metrics’ ranks, 14 cities × 12 months', async () => {
    const { body } = await api.get('/api/metrics/ranks?period=2020-12&level=city');
    expect(body.months).toEqual(MONTHS);
    expect(body.regions).toHaveLength(14);
    for (const [i, period] of MONTHS.entries()) {
      const ranks = new Map((await rowsOf(`period=${period}&level=city`)).map((r) => [r.code, r.rank]));
      for (const region of body.regions) expect(region.ranks[i]).toBe(ranks.get(region.code));
    }
  });

  test('a county’s alert history is the month’s alerts for it', async () => {
    const { body } = await api.get('/api/regions/431122/alerts?year=2020');
    expect(body.months).toHaveLength(12);
    for (const { period, alerts } of body.months as { period: string; alerts: Alert[] }[]) {
      expect(alerts).toEqual((await alertsOf(`period=${period}&level=county`)).filter((a) => a.regionCode === '431122'));
    }
  });

  test('catch-up pace: the rest of the target over the months left, rounded up', async () => {
    for (const row of await rowsOf('period=2020-05&level=city')) {
      expect(row.catchUpPerMonth).toBe(row.trainees >= row.target ? 0 : Math.ceil((row.target - row.trainees) / 7));
    }
    for (const row of await rowsOf('period=2020-12&level=city')) expect(row.catchUpPerMonth).toBe(row.trainees >= row.target ? 0 : null);
  });
});

describe('the thresholds', () => {
  const put = (body: unknown) =>
    api.app.request('/api/settings/alerts', { method: 'PUT', headers: api.session.write, body: JSON.stringify(body) });

  test('start as the defaults; a change applies at once, in every answer, and is audited from → to', async () => {
    expect((await api.get('/api/settings/alerts')).body).toEqual(DEFAULT_ALERT_SETTINGS);
    const before = await api.request('/api/alerts/summary?period=2020-06');
    const etag = before.headers.get('etag')!;
    expect(((await before.json()) as AlertSummary).summons.length).toBeGreaterThan(0);
    const longer = { ...DEFAULT_ALERT_SETTINGS, persistentBottom: { ...DEFAULT_ALERT_SETTINGS.persistentBottom, months: 12 } };
    expect((await put(longer)).status).toBe(200);
    const after = await api.app.request('/api/alerts/summary?period=2020-06', { headers: { ...api.session.read, 'if-none-match': etag } });
    expect(after.status).toBe(200); // not a 304: the settings moved
    expect(((await after.json()) as AlertSummary).summons).toEqual([]); // nobody can have twelve months by June
    const [line] = (await api.db.$client.execute("SELECT detail FROM audit_log WHERE action = 'settings.alerts' ORDER BY id DESC LIMIT 1")).rows;
    expect(JSON.parse(String(line!.detail))).toEqual({ before: DEFAULT_ALERT_SETTINGS, after: longer });
    expect((await put(DEFAULT_ALERT_SETTINGS)).status).toBe(200);
  });

  test('saving the thresholds in force changes nothing: no audit line, and cached answers stay valid', async () => {
    const lines = async () => Number((await api.db.$client.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.alerts'")).rows[0]!.n);
    const before = await lines();
    const etag = (await api.request('/api/alerts/summary?period=2020-06')).headers.get('etag')!;
    expect((await put(DEFAULT_ALERT_SETTINGS)).status).toBe(200);
    expect(await lines()).toBe(before);
    const again = await api.app.request('/api/alerts/summary?period=2020-06', { headers: { ...api.session.read, 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  test.each([
    [{ ...DEFAULT_ALERT_SETTINGS, persistentBottom: { cities: 0, counties: 10, months: 3 } }, 'persistentBottom.cities'],
    [{ ...DEFAULT_ALERT_SETTINGS, behindTime: { redPoints: 5, redShareOfProvince: 0.75 } }, 'behindTime.redPoints'],
    [{ ...DEFAULT_ALERT_SETTINGS, extra: 1 }, 'extra'],
    [{ ...DEFAULT_ALERT_SETTINGS, fallingBack: { ...DEFAULT_ALERT_SETTINGS.fallingBack, extra: 1 } }, 'fallingBack.extra'],
    [{ behindTime: DEFAULT_ALERT_SETTINGS.behindTime }, 'persistentBottom'],
  ])('%j is refused, naming %s, and nothing changes', async (body, field) => {
    const response = await put(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.message).toContain(`参数 ${field}`);
    expect((await api.get('/api/settings/alerts')).body).toEqual(DEFAULT_ALERT_SETTINGS);
  });
});
