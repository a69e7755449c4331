import { DEFAULT_ALERT_SETTINGS, evaluateAlerts, moversOf } from '@dispatch/core';
import { getYearMetricRows, prepareDb } from '@dispatch/db';
const { db } = await prepareDb({ url: ':memory:' });
const levels = { city: await getYearMetricRows(db, { year: 2020, lastMonth: 12, level: 'city' }), county: await getYearMetricRows(db, { year: 2020, lastMonth: 12, level: 'county' }) };
const province = (await getYearMetricRows(db, { year: 2020, lastMonth: 12, level: 'province' })).map((m) => m[0]);
for (let m = 1; m <= 12; m++) {
  const line = [];
  for (const level of ['city', 'county'] as const) {
    const alerts = evaluateAlerts({ period: { year: 2020, month: m }, months: levels[level].slice(0, m), province, settings: DEFAULT_ALERT_SETTINGS });
    const c: Record<string, string> = {};
    for (const a of alerts) { const k = a.rule; c[k] = c[k] ?? '0/0'; const [r, y] = c[k].split('/').map(Number); c[k] = a.severity === 'red' ? `${r! + 1}/${y}` : `${r}/${y! + 1}`; }
    line.push(`${level}: ${Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  console.log(`2020-${m}`, line.join(' | '));
}
const dec = evaluateAlerts({ period: { year: 2020, month: 12 }, months: levels.city, province, settings: DEFAULT_ALERT_SETTINGS });
for (const a of dec.slice(0, 8)) console.log(a.regionName, a.rule, a.severity, a.message);
const cty = evaluateAlerts({ period: { year: 2020, month: 6 }, months: levels.county.slice(0, 6), province, settings: DEFAULT_ALERT_SETTINGS });
for (const r of ['fund-gap', 'funds-lagging', 'falling-back', 'stalled']) { const a = cty.find((x) => x.rule === r); if (a) console.log(a.regionName, a.rule, a.severity, a.message); }
console.log(JSON.stringify(moversOf({ period: { year: 2020, month: 6 }, months: levels.city.slice(0, 6), province, settings: DEFAULT_ALERT_SETTINGS }).up.slice(0, 2)));
