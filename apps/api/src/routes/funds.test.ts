import { formatMoney, type Alert, type FundRow, type MetricRow, type ReallocationRound } from '@dispatch/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureAccount, signIn, useDemoApi, type TestSession } from '../testing/test-session.ts';

const api = useDemoApi();
const MONTHS = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`);
const LEVELS = ['province', 'city', 'county'] as const;
let city: TestSession;

beforeAll(async () => {
  await ensureAccount(api.db, 'funds-city', 'city-leader', '430100');
  city = await signIn(api.app, 'funds-city');
});

const post = (path: string, body: unknown, session = api.session) =>
  api.app.request(path, { method: 'POST', headers: session.write, body: JSON.stringify(body) });
const fundsOf = async (query: string) => (await api.get(`/api/funds?${query}`)).body.rows as FundRow[];
const gapAlerts = async (period: string) => (await api.get(`/api/alerts?period=${period}&rule=fund-gap`)).body.alerts as Alert[];

/** Every metric answer of 2020: each month, each level. */
async function everyAnswer(): Promise<Record<string, { rows: MetricRow[] }>> {
  const answers: Record<string, { rows: MetricRow[] }> = {};
  for (const period of MONTHS) for (const level of LEVELS) answers[`${period}|${level}`] = (await api.get(`/api/metrics?period=${period}&level=${level}`)).body;
  return answers;
}

describe('the funds table', () => {
  test.each(['2020-03', '2020-07', '2020-12'])('%s: a region has a gap on /funds exactly when the fund-gap alert names it, for the same amount', async (period) => {
    const alerts = await gapAlerts(period);
    for (const level of ['city', 'county'] as const) {
      const rows = await fundsOf(`period=${period}&level=${level}`);
      const withGap = rows.filter((r) => r.gap > 0 && r.remainingTarget > 0 && r.costBasis !== null);
      const alerted = alerts.filter((a) => a.level === level);
      expect(withGap.map((r) => [r.regionCode, r.gap]).sort()).toEqual(alerted.map((a) => [a.regionCode, a.facts.gap]).sort());
      for (const row of rows) expect(row.unspent).toBe(row.budget - row.audited);
    }
  });

  test('a city’s counties only, with parent; budgets and audits are the metric rows’', async () => {
    const [rows, metrics] = await Promise.all([fundsOf('period=2020-06&level=county&parent=430200'), api.get('/api/metrics?period=2020-06&level=county&parent=430200')]);
    const byCode = new Map((metrics.body.rows as MetricRow[]).map((r) => [r.code, r]));
    expect(rows.length).toBe(byCode.size);
    for (const row of rows) expect([row.budget, row.audited]).toEqual([byCode.get(row.regionCode)!.fundsBudget, byCode.get(row.regionCode)!.fundsAudited]);
  });
});

describe('the suggestion', () => {
  test('sums to zero, moves no more than asked, whole 万元, each line explained', async () => {
    const response = await post('/api/funds/suggestion', { period: '2020-09', total: 12_345_678 });
    expect(response.status).toBe(200);
    const { lines } = (await response.json()) as { lines: { amount: number; reason: string }[] };
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(0);
    expect(lines.filter((l) => l.amount > 0).reduce((s, l) => s + l.amount, 0)).toBeLessThanOrEqual(12_340_000);
    expect(lines.every((l) => l.amount % 10_000 === 0 && l.reason.length > 10)).toBe(true);
  });

  test('a city leader is refused the suggestion, recording and revoking', async () => {
    expect((await post('/api/funds/suggestion', { total: 1_000_000 }, city)).status).toBe(403);
    expect((await post('/api/reallocations', { date: '2020-07-15', documentNumber: 'x', lines: [{ regionCode: '430182', amount: 10_000 }] }, city)).status).toBe(403);
    expect((await post('/api/reallocations/1/revoke', { reason: 'x' }, city)).status).toBe(403);
  });
});

describe('a round, recorded and revoked', () => {
  // 宁乡市 (长沙) +50万, 荷塘区 (株洲) −20万, 湘潭市 itself +10万: 长沙 +50万, 株洲 −20万, 湘潭 +10万, the province +40万.
  const LINES = [
    { regionCode: '430182', amount: 500_000 },
    { regionCode: '430202', amount: -200_000 },
    { regionCode: '430300', amount: 100_000 },
  ];
  const DELTA: Record<string, number> = { '430182': 500_000, '430202': -200_000, '430100': 500_000, '430200': -200_000, '430300': 100_000, '430000': 400_000 };
  let before: Record<string, { rows: MetricRow[] }>;
  let round: ReallocationRound;

  test('changes fundsBudget by exactly its lines, for exactly its regions, from its date’s month on', async () => {
    before = await everyAnswer();
    const response = await post('/api/reallocations', { date: '2020-07-15', documentNumber: '湘人社函〔2020〕88号', note: '测试', lines: LINES });
    expect(response.status).toBe(201);
    round = (await response.json()) as ReallocationRound;
    expect(round).toMatchObject({ round: 3, date: '2020-07-15', received: 600_000, given: 200_000, net: 400_000, regions: 3, cities: 3, counties: 2, revokedAt: null });
    const after = await everyAnswer();
    for (const [key, answer] of Object.entries(after)) {
      const month = Number(key.slice(5, 7));
      const old = new Map(before[key]!.rows.map((r) => [r.code, r]));
      for (const row of answer.rows) {
        const was = old.get(row.code)!;
        const delta = month >= 7 ? (DELTA[row.code] ?? 0) : 0;
        expect([key, row.code, row.fundsBudget]).toEqual([key, row.code, was.fundsBudget + delta]);
        expect(row.fundsRatio).toBe(row.fundsBudget > 0 ? row.fundsAudited / row.fundsBudget : was.fundsRatio);
        const strip = ({ fundsBudget, fundsRatio, ...rest }: MetricRow) => rest;
        expect(strip(row)).toEqual(strip(was));
      }
    }
  });

  test('is listed with its region names; the demo’s two rounds stay', async () => {
    const { rounds } = (await api.get('/api/reallocations')).body as { rounds: ReallocationRound[] };
    expect(rounds.map((r) => r.round)).toEqual([3, 2, 1]);
    expect(rounds[0]!.lines.map((l) => [l.regionName, l.amount])).toEqual([['宁乡市', 500_000], ['湘潭市', 100_000], ['荷塘区', -200_000]]);
  });

  test('revoking restores every metric answer of the year exactly', async () => {
    const response = await post(`/api/reallocations/${round.round}/revoke`, { reason: '文号有误，重新登记' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as ReallocationRound).revokeReason).toBe('文号有误，重新登记');
    expect(await everyAnswer()).toEqual(before);
    expect((await post(`/api/reallocations/${round.round}/revoke`, { reason: '再撤销' })).status).toBe(409);
  });

  test('the fund-gap alert and /funds follow a round at once, and its revocation', async () => {
    const [worst] = await fundsOf('period=2020-08&level=county');
    expect(worst!.gap).toBeGreaterThan(0);
    expect((await gapAlerts('2020-08')).some((a) => a.regionCode === worst!.regionCode)).toBe(true);
    const response = await post('/api/reallocations', { date: '2020-08-01', documentNumber: '湘人社函〔2020〕90号', lines: [{ regionCode: worst!.regionCode, amount: worst!.gap }] });
    expect(response.status).toBe(201);
    const closed = (await fundsOf('period=2020-08&level=county')).find((r) => r.regionCode === worst!.regionCode)!;
    expect([closed.budget, closed.gap]).toEqual([worst!.budget + worst!.gap, 0]);
    expect((await gapAlerts('2020-08')).some((a) => a.regionCode === worst!.regionCode)).toBe(false);
    const { round: number } = (await response.json()) as ReallocationRound;
    expect((await post(`/api/reallocations/${number}/revoke`, { reason: '测试' })).status).toBe(200);
    expect((await fundsOf('period=2020-08&level=county')).find((r) => r.regionCode === worst!.regionCode)).toEqual(worst);
    expect((await gapAlerts('2020-08')).some((a) => a.regionCode === worst!.regionCode)).toBe(true);
  });

  test('the audit log holds the round with its lines and the revocation with its reason', async () => {
    const { body } = await api.get('/api/audit?action=funds.');
    const lines = body.rows as { action: string; detail: Record<string, unknown> }[];
    const mine = lines.filter((l) => l.detail.documentNumber === '湘人社函〔2020〕88号');
    expect(mine.map((l) => l.action).sort()).toEqual(['funds.revoke', 'funds.round']);
    expect(mine.find((l) => l.action === 'funds.round')!.detail.lines).toEqual([
      { regionCode: '430182', regionName: '宁乡市', amount: 500_000 },
      { regionCode: '430202', regionName: '荷塘区', amount: -200_000 },
      { regionCode: '430300', regionName: '湘潭市', amount: 100_000 },
    ]);
    expect(mine.find((l) => l.action === 'funds.revoke')!.detail.reason).toBe('文号有误，重新登记');
  });
});

describe('a round’s validation', () => {
  const valid = { date: '2020-07-15', documentNumber: '湘人社函〔2020〕91号', lines: [{ regionCode: '430182', amount: 10_000 }] };
  test.each([
    ['a date that is no day', { ...valid, date: '2020-02-30' }, 'date（调剂日期）'],
    ['a month without data', { ...valid, date: '2021-03-01' }, '2021-03 无数据'],
    ['no line', { ...valid, lines: [] }, '至少一行调剂明细'],
    ['an amount of 0', { ...valid, lines: [{ regionCode: '430182', amount: 0 }] }, '调剂金额不能为 0'],
    ['a fraction of a yuan', { ...valid, lines: [{ regionCode: '430182', amount: 10.5 }] }, '调剂金额应为整数'],
    ['more than 1亿 on a line', { ...valid, lines: [{ regionCode: '430182', amount: 100_000_001 }] }, '不超过 1 亿元'],
    ['an unknown region', { ...valid, lines: [{ regionCode: '439999', amount: 10_000 }] }, '未知地区代码 439999'],
    ['the province', { ...valid, lines: [{ regionCode: '430000', amount: 10_000 }] }, '应为市州或县市区'],
    ['a region twice', { ...valid, lines: [...valid.lines, { regionCode: '430182', amount: 20_000 }] }, '宁乡市重复出现'],
    ['no document number', { ...valid, documentNumber: '  ' }, 'documentNumber（文号）：请填写文号'],
    ['a document number over 50 characters', { ...valid, documentNumber: '号'.repeat(51) }, '文号不超过 50 个字'],
    ['a document number the bulletin cannot print', { ...valid, documentNumber: '玗人社函〔2020〕91号' }, 'documentNumber（文号）：「玗」不在通报所用字体'],
    ['taking more than a region has left', { ...valid, lines: [{ regionCode: '430182', amount: -99_000_000 }] }, 'lines.0.amount：宁乡市2020年1—'],
  ])('%s is a 400 naming the field', async (_, body, message) => {
    const response = await post('/api/reallocations', body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(message);
  });

  test('an unknown round cannot be revoked: 404; a revocation needs its reason: 400', async () => {
    expect((await post('/api/reallocations/99/revoke', { reason: '无' })).status).toBe(404);
    expect((await post('/api/reallocations/1/revoke', {})).status).toBe(400);
  });
});

describe('a round never leaves a region overspent in a later month', () => {
  const YUELU = '430104';
  /** 岳麓区's 结余 (budget − audited) in each month of 2020, from the metric answers. */
  async function yueluUnspent(): Promise<number[]> {
    const unspent: number[] = [];
    for (const period of MONTHS) {
      const row = ((await api.get(`/api/metrics?period=${period}&level=county`)).body.rows as MetricRow[]).find((r) => r.code === YUELU)!;
      unspent.push(row.fundsBudget - row.fundsAudited);
    }
    return unspent;
  }
  const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;
  const rounds = async () => ((await api.get('/api/reallocations')).body as { rounds: ReallocationRound[] }).rounds;

  test('giving in January what December has already spent is a 400 naming lines.0.amount, the month and the overspend; nothing is written', async () => {
    const before = await rounds();
    const unspent = await yueluUnspent();
    expect(unspent[0]).toBeGreaterThanOrEqual(11_138_352); // January alone would allow it
    const response = await post('/api/reallocations', { date: '2020-01-31', documentNumber: '测试〔2020〕2号', lines: [{ regionCode: YUELU, amount: -11_138_352 }] });
    expect(response.status).toBe(400);
    const message = await errorOf(response);
    const lowest = Math.min(...unspent);
    const worst = unspent.indexOf(lowest) + 1;
    expect(worst).toBe(12);
    expect(message).toContain('lines.0.amount');
    expect(message).toContain(`岳麓区2020年1—12月结余将为 ${formatMoney(lowest - 11_138_352)}`);
    expect(message).toContain(`本轮最多可调出 ${formatMoney(lowest)}`);
    expect(await rounds()).toEqual(before);
    expect(await yueluUnspent()).toEqual(unspent);
  });

  test('giving exactly the lowest 结余 of the year is recorded (201); a yuan more is refused', async () => {
    const unspent = await yueluUnspent();
    const lowest = Math.min(...unspent.slice(2)); // from March on
    const more = await post('/api/reallocations', { date: '2020-03-15', documentNumber: '测试〔2020〕3号', lines: [{ regionCode: YUELU, amount: -(lowest + 1) }] });
    expect(more.status).toBe(400);
    expect(await errorOf(more)).toContain(`结余将为 ${formatMoney(-1)}`);
    const response = await post('/api/reallocations', { date: '2020-03-15', documentNumber: '测试〔2020〕3号', lines: [{ regionCode: YUELU, amount: -lowest }] });
    expect(response.status).toBe(201);
    const after = await yueluUnspent();
    expect(after).toEqual(unspent.map((u, i) => (i >= 2 ? u - lowest : u)));
    expect(Math.min(...after)).toBe(0);
    const { round } = (await response.json()) as ReallocationRound;
    const revoked = await post(`/api/reallocations/${round}/revoke`, { reason: '测试' });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { warnings: string[] }).warnings).toEqual([]);
    expect(await yueluUnspent()).toEqual(unspent);
  });

  test('revoking a round whose money was spent since is allowed, and the answer warns of the region and month left overspent', async () => {
    const unspent = await yueluUnspent();
    const lowest = Math.min(...unspent);
    const month = unspent.indexOf(lowest) + 1;
    // Round A gives 岳麓区 50万 in January; round B then takes back all it has left at its lowest month (with A counted).
    const a = await post('/api/reallocations', { date: '2020-01-20', documentNumber: '测试〔2020〕4号', lines: [{ regionCode: YUELU, amount: 500_000 }] });
    expect(a.status).toBe(201);
    const b = await post('/api/reallocations', { date: '2020-01-21', documentNumber: '测试〔2020〕5号', lines: [{ regionCode: YUELU, amount: -(lowest + 500_000) }] });
    expect(b.status).toBe(201);
    const revokeA = await post(`/api/reallocations/${((await a.json()) as ReallocationRound).round}/revoke`, { reason: '文件作废' });
    expect(revokeA.status).toBe(200);
    const answer = (await revokeA.json()) as ReallocationRound & { warnings: string[] };
    expect(answer.revokedAt).not.toBeNull();
    expect(answer.warnings).toEqual([`撤销后岳麓区2020年1—${month}月结余为 ${formatMoney(-500_000)}（超支）：本轮调入的资金已审核使用，请核实并另行安排资金`]);
    expect(Math.min(...(await yueluUnspent()))).toBe(-500_000);
    const revokeB = await post(`/api/reallocations/${((await b.json()) as ReallocationRound).round}/revoke`, { reason: '测试' });
    expect(((await revokeB.json()) as { warnings: string[] }).warnings).toEqual([]);
    expect(await yueluUnspent()).toEqual(unspent);
  });
});

describe('following the suggestion closes the gaps it covers', () => {
  test('2020-08, 500万: recorded as suggested, every receiver served in full has no gap left on /funds, every donor stays above its need', async () => {
    const before = new Map((await fundsOf('period=2020-08&level=county')).map((r) => [r.regionCode, r]));
    const suggestion = await post('/api/funds/suggestion', { period: '2020-08', total: 5_000_000 });
    const { lines } = (await suggestion.json()) as { lines: { regionCode: string; amount: number; reason: string }[] };
    const receivers = lines.filter((l) => l.amount > 0);
    expect(receivers.length).toBeGreaterThan(0);
    const response = await post('/api/reallocations', { date: '2020-08-31', documentNumber: '测试〔2020〕8号', lines: lines.map(({ regionCode, amount }) => ({ regionCode, amount })) });
    expect(response.status).toBe(201);
    const after = new Map((await fundsOf('period=2020-08&level=county')).map((r) => [r.regionCode, r]));
    for (const line of receivers) {
      const was = before.get(line.regionCode)!;
      expect(line.amount - was.gap).toBeLessThan(10_000);
      if (line.amount >= was.gap) expect([line.regionCode, after.get(line.regionCode)!.gap, line.reason.endsWith('缺口补足')]).toEqual([line.regionCode, 0, true]);
      else expect(line.reason).toContain('本轮调剂总额已用完，仍缺');
    }
    expect(receivers.filter((l) => l.amount >= before.get(l.regionCode)!.gap).length).toBeGreaterThan(0);
    for (const line of lines.filter((l) => l.amount < 0)) expect(after.get(line.regionCode)!.unspent).toBeGreaterThanOrEqual(after.get(line.regionCode)!.projectedNeed);
    const { round } = (await response.json()) as ReallocationRound;
    expect((await post(`/api/reallocations/${round}/revoke`, { reason: '测试' })).status).toBe(200);
  });
});

describe('rounds recorded at the same moment', () => {
  test('each is checked again on the data the other wrote and recorded: four at once, four 201s, no 409', async () => {
    // to 宁乡市 and back from it, alternately: every one passes its checks whatever the order
    const bodies = [1, 2, 3, 4].map((n) => ({
      date: '2020-07-20',
      documentNumber: `湘人社函〔2020〕同时${n}号`,
      lines: [{ regionCode: '430182', amount: n % 2 ? 1_000 : -1_000 }, { regionCode: '430102', amount: n % 2 ? -1_000 : 1_000 }],
    }));
    const answers = await Promise.all(bodies.map((body) => post('/api/reallocations', body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    const { rounds } = (await api.get('/api/reallocations')).body as { rounds: ReallocationRound[] };
    for (const body of bodies) expect(rounds.some((r) => r.documentNumber === body.documentNumber)).toBe(true);
  });
});
