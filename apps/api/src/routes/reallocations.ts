import {
  formatMoney, NewRoundSchema, parsePeriod, ReallocationRoundSchema, RevokeRoundSchema, RoundListSchema, RoundParamSchema,
  type Region,
} from '@dispatch/core';
import { getDataVersion, getMetricRows, getPeriods, getRegions, listReallocationRounds, recordReallocationRound, revokeReallocationRound, StaleDataError, type Db } from '@dispatch/db';
import type { Context } from 'hono';
import { authorize } from '../access.ts';
import { httpError } from '../errors.ts';
import { createRouter, type AppEnv } from '../router.ts';
import { jsonBody, jsonRoute } from '../schemas.ts';
import { parameterError } from './params.ts';

const listRoute = jsonRoute('get', '/', '资金调剂轮次：日期、文号、各地区调入调出、是否已撤销', {
  tag: 'funds', answer: RoundListSchema, description: '新的在前', errors: [401, 403],
});

const recordRoute = jsonRoute(
  'post',
  '/',
  '登记一轮资金调剂（省级岗位；需请求头 X-CSRF-Token）：每行正数由省级资金池调入、负数调回资金池；自调剂日期所在月份起计入预算，立即反映在所有指标中',
  { tag: 'funds', request: { body: jsonBody(NewRoundSchema) }, answer: ReallocationRoundSchema, description: '已登记的轮次', status: 201, errors: [400, 401, 403, 409] },
);

const revokeRoute = jsonRoute('post', '/{round}/revoke', '撤销一轮资金调剂（省级岗位；需请求头 X-CSRF-Token）：整轮撤销，记录保留并标为已撤销', {
  tag: 'funds', request: { params: RoundParamSchema, body: jsonBody(RevokeRoundSchema) }, answer: ReallocationRoundSchema, description: '已撤销的轮次',
  errors: [400, 401, 403, 404, 409],
});

function actorOf(c: Context<AppEnv>) {
  const { user, address } = c.get('signedIn');
  return { actorId: user.id, actorLogin: user.login, address };
}

async function roundOf(db: Db, round: number) {
  const found = (await listReallocationRounds(db)).find((r) => r.round === round);
  if (!found) throw httpError(404, `没有第 ${round} 轮资金调剂`);
  return found;
}

/** Each line's region must be a city or a county, named once. */
function checkRegions(lines: readonly { regionCode: string }[], regions: ReadonlyMap<string, Region>): Region[] {
  const seen = new Set<string>();
  return lines.map(({ regionCode }, i) => {
    const region = regions.get(regionCode);
    if (!region) throw parameterError(`lines.${i}.regionCode`, `未知地区代码 ${regionCode}`);
    if (region.level === 'province') throw parameterError(`lines.${i}.regionCode`, '调剂对象应为市州或县市区，省级资金池不单列一行');
    if (seen.has(regionCode)) throw parameterError(`lines.${i}.regionCode`, `${region.name}重复出现，每个地区只列一行`);
    seen.add(regionCode);
    return region;
  });
}

/**
 * A round takes effect from its date's month; that month must have data, and a region giving money back must have
 * that much left unspent then (budget − audited in that month's figures): a round never leaves a region overdrawn.
 */
async function checkDonors(db: Db, date: string, lines: readonly { regionCode: string; amount: number }[], regions: readonly Region[]) {
  const period = date.slice(0, 7);
  const { periods } = await getPeriods(db);
  if (!periods.includes(period)) {
    throw parameterError('date', `${period} 无数据，调剂日期应在有数据的月份内（${periods[0] ?? '无'} 至 ${periods.at(-1) ?? '无'}）`);
  }
  const givers = lines.flatMap((line, i) => (line.amount < 0 ? [{ ...line, i, level: regions[i]!.level }] : []));
  if (givers.length === 0) return;
  const rowsOf = async (level: 'city' | 'county') =>
    givers.some((g) => g.level === level) ? getMetricRows(db, { period: parsePeriod(period), level }) : [];
  const rows = new Map([...(await rowsOf('city')), ...(await rowsOf('county'))].map((row) => [row.code, row]));
  for (const giver of givers) {
    const row = rows.get(giver.regionCode)!;
    const unspent = row.fundsBudget - row.fundsAudited;
    if (unspent + giver.amount < 0) {
      throw parameterError(`lines.${giver.i}.amount`, `${row.name}截至 ${period} 结余 ${formatMoney(unspent)}，不能调出 ${formatMoney(-giver.amount)}（调出后结余不得低于零）`);
    }
  }
}

/** Reallocation rounds: everyone reads them (the bulletin names them); the province records and revokes them. */
export const reallocationRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    await authorize(c, 'read:headline');
    return c.json({ rounds: await listReallocationRounds(c.get('db')) }, 200);
  })
  .openapi(recordRoute, async (c) => {
    const db = c.get('db');
    const body = c.req.valid('json');
    await authorize(c, 'manage:funds');
    const dataVersion = await getDataVersion(db);
    const regionMap = new Map((await getRegions(db)).map((r) => [r.code, r]));
    const regions = checkRegions(body.lines, regionMap);
    await checkDonors(db, body.date, body.lines, regions);
    const lines = body.lines.map((line, i) => ({ regionCode: line.regionCode, regionName: regions[i]!.name, amount: line.amount }));
    try {
      const round = await recordReallocationRound(db, { date: body.date, documentNumber: body.documentNumber, note: body.note ?? null, lines, dataVersion }, actorOf(c));
      return c.json(await roundOf(db, round), 201);
    } catch (err) {
      if (err instanceof StaleDataError) throw httpError(409, err.message, 'CONFLICT');
      throw err;
    }
  })
  .openapi(revokeRoute, async (c) => {
    const db = c.get('db');
    const { round } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    await authorize(c, 'manage:funds');
    const result = await revokeReallocationRound(db, round, reason, actorOf(c));
    if (result === 'not-found') throw httpError(404, `没有第 ${round} 轮资金调剂`);
    if (result === 'already-revoked') throw httpError(409, `第 ${round} 轮资金调剂已撤销，不能再次撤销`, 'CONFLICT');
    return c.json(await roundOf(db, round), 200);
  });
