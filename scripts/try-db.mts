import { prepareDb, getMetricRows, getPeriods } from '../packages/db/src/index.ts';
let t = Date.now();
const { db, filledWithDemo } = await prepareDb({ url: ':memory:' });
console.log('prepare ms', Date.now() - t, filledWithDemo);
console.log(await getPeriods(db));
for (const m of [3, 5, 8, 12]) {
  const [p] = await getMetricRows(db, { period: { year: 2020, month: m }, level: 'province' });
  console.log(m, p);
}
const cities = await getMetricRows(db, { period: { year: 2020, month: 12 }, level: 'city' });
console.table(cities.map(c => ({ n: c.name, t: c.target, tr: c.trainees, cr: c.completionRatio, fr: c.fundsRatio, lag: c.lag, r: c.rank, rc: c.rankChange })));
t = Date.now();
for (let i = 0; i < 20; i++) await getMetricRows(db, { period: { year: 2020, month: 12 }, level: 'county' });
console.log('county ms each', (Date.now() - t) / 20);
