import { refreshMonthlyRollup } from '@dispatch/db';
import { expect, test } from 'vitest';
import { useDemoApi } from '../testing/test-session.ts';

const api = useDemoApi();

const trainees = async (level: string, code: string) => {
  const body = (await (await api.request(`/api/metrics?period=2020-05&level=${level}`)).json()) as { rows: { code: string; trainees: number }[] };
  return body.rows.find((r) => r.code === code)!.trainees;
};

test('an answer computed before a write is not served after it', async () => {
  const [county, city, province] = [await trainees('county', '430102'), await trainees('city', '430100'), await trainees('province', '430000')];
  await api.db.$client.execute(
    `INSERT INTO training_classes (class_no, region_code, institution_id, occupation_id, training_type_id, opened_on, finished_on, enrolled, completed, subsidised, subsidy_standard)
     VALUES ('T-cache', '430102', 1, 1, 1, '2020-05-02', '2020-05-20', 12, 10, 5, 1000)`,
  );
  await refreshMonthlyRollup(api.db, ['430102']);
  expect(await trainees('county', '430102')).toBe(county + 10);
  expect(await trainees('city', '430100')).toBe(city + 10);
  expect(await trainees('province', '430000')).toBe(province + 10);
});
