import {
  formatMoney, NewRoundSchema, overdrafts, periodLabel, ReallocationRoundSchema, RevokedRoundSchema, RevokeRoundSchema, RoundListSchema,
  RoundParamSchema, type Overdraft, type ReallocationRound, type Region, type RegionLevel,
} from '@dispatch/core';
import { ClosedPeriodError, getDataVersion, getPeriods, getRegions, getYearMetricRows, listReallocationRounds, recordReallocationRound, revokeReallocationRound, StaleDataError, type Db } from '@dispatch/db';
import type { Context } from 'hono';
import { authorize } from '../access.ts';
import { httpError } from '../errors.ts';
import { createRouter, type AppEnv } from '../router.ts';
import { jsonBody, jsonRoute } from '../schemas.ts';
import { parameterError, refuseUnprintable } from './params.ts';

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
  tag: 'funds', request: { params: RoundParamSchema, body: jsonBody(RevokeRoundSchema) }, answer: RevokedRoundSchema,
  description: '已撤销的轮次；撤销后有地区某月结余低于零（本轮调入的资金已使用）时 warnings 逐一说明',
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

interface LineOf {
  regionCode: string;
  amount: number;
  level: RegionLevel;
  parentCode: string | null;
}

/**
 * The regions a set of lines takes money from, with the change of each one's budget at its own level: a county's
 * line, or a city's line together with its counties' lines in the same round (a city's figures include them).
 */
function givingChanges(lines: readonly LineOf[]): Map<RegionLevel, Map<string, number>> {
  const changes = new Map<RegionLevel, Map<string, number>>();
  for (const line of lines) {
    if (line.amount >= 0) continue;
    const withCounties = line.level === 'city' ? lines.filter((l) => l.parentCode === line.regionCode).reduce((s, l) => s + l.amount, 0) : 0;
    const level = changes.get(line.level) ?? new Map<string, number>();
    level.set(line.regionCode, line.amount + withCounties);
    changes.set(line.level, level);
  }
  return changes;
}

/**
 * The regions `lines` would leave overspent in some month from `date`'s month to the last month with data of its
 * year: the year's metric rows, one query per level concerned, checked month by month (core's `overdrafts`).
 */
async function overdraftsOf(db: Db, date: string, lines: readonly LineOf[]): Promise<{ year: number; found: Overdraft[] }> {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const { periods } = await getPeriods(db);
  const lastMonth = Math.max(0, ...periods.filter((p) => p.startsWith(`${year}-`)).map((p) => Number(p.slice(5, 7))));
  const found: Overdraft[] = [];
  for (const [level, changes] of givingChanges(lines)) {
    if (lastMonth < month) continue;
    found.push(...overdrafts(await getYearMetricRows(db, { year, lastMonth, level }), month, changes));
  }
  return { year, found };
}

/**
 * A round takes effect from its date's month; that month must have data, and a region giving money back must keep
 * 结余 (budget − audited) at or above zero in every month from then to the year's last month with data — not only in
 * the round's own month, when most of the year's budget is still unspent: a round never leaves a region overdrawn.
 */
async function checkDonors(db: Db, date: string, lines: readonly LineOf[]) {
  const period = date.slice(0, 7);
  const { periods } = await getPeriods(db);
  if (!periods.includes(period)) {
    throw parameterError('date', `${period} 无数据，调剂日期应在有数据的月份内（${periods[0] ?? '无'} 至 ${periods.at(-1) ?? '无'}）`);
  }
  const { year, found } = await overdraftsOf(db, date, lines);
  const first = found.map((o) => ({ o, i: lines.findIndex((l) => l.regionCode === o.regionCode) })).sort((a, b) => a.i - b.i)[0];
  if (!first) return;
  const { o, i } = first;
  const most = -lines[i]!.amount + o.unspent;
  const since = o.firstMonth !== o.month ? `，自${periodLabel({ year, month: o.firstMonth })}起即低于零` : '';
  throw parameterError(
    `lines.${i}.amount`,
    `${o.regionName}${periodLabel({ year, month: o.month })}结余将为 ${formatMoney(o.unspent)}${since}：调出自调剂月份起计入预算，至年底各月结余均不得低于零，` +
      (most > 0 ? `本轮最多可调出 ${formatMoney(most)}` : `${o.regionName}自调剂月份起已无可调出的结余`),
  );
}

/** Revoking a round takes back what it gave: a region that has since spent it is left overspent. Said, not refused. */
async function revokeWarnings(db: Db, round: ReallocationRound): Promise<string[]> {
  const reversed = round.lines.map((l) => ({ ...l, amount: -l.amount }));
  const { year, found } = await overdraftsOf(db, round.date, reversed);
  return found.map(
    (o) => `撤销后${o.regionName}${periodLabel({ year, month: o.month })}结余为 ${formatMoney(o.unspent)}（超支）：本轮调入的资金已审核使用，请核实并另行安排资金`,
  );
}

/** How many times a round's checks are made again when data was written between them and the round (then a 409). */
const STALE_ATTEMPTS = 5;

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
    refuseUnprintable('documentNumber', body.documentNumber);
    // The checks are made on the data as read at `dataVersion`, and the round is written only if no write of data
    // came between (another round, an import — from any process). If one did, the checks are made again on the new
    // data and the round written then: the request names no version of its own, so nothing it was shown is stale.
    for (let attempt = 1; ; attempt++) {
      const dataVersion = await getDataVersion(db);
      const regionMap = new Map((await getRegions(db)).map((r) => [r.code, r]));
      const regions = checkRegions(body.lines, regionMap);
      await checkDonors(db, body.date, body.lines.map((line, i) => ({ ...line, level: regions[i]!.level, parentCode: regions[i]!.parentCode })));
      const lines = body.lines.map((line, i) => ({ regionCode: line.regionCode, regionName: regions[i]!.name, amount: line.amount }));
      try {
        const round = await recordReallocationRound(db, { date: body.date, documentNumber: body.documentNumber, note: body.note ?? null, lines, dataVersion }, actorOf(c));
        return c.json(await roundOf(db, round), 201);
      } catch (err) {
        if (err instanceof StaleDataError && attempt < STALE_ATTEMPTS) continue;
        if (err instanceof StaleDataError || err instanceof ClosedPeriodError) throw httpError(409, err.message, 'CONFLICT');
        throw err;
      }
    }
  })
  .openapi(revokeRoute, async (c) => {
    const db = c.get('db');
    const { round } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    await authorize(c, 'manage:funds');
    // Measured on the figures before the revocation (the round still counting), by taking its lines back.
    const existing = (await listReallocationRounds(db)).find((r) => r.round === round);
    const warnings = existing && !existing.revokedAt ? await revokeWarnings(db, existing) : [];
    const result = await revokeReallocationRound(db, round, reason, actorOf(c)).catch((err: unknown) => {
      if (err instanceof ClosedPeriodError) throw httpError(409, err.message, 'CONFLICT');
      throw err;
    });
    if (result === 'not-found') throw httpError(404, `没有第 ${round} 轮资金调剂`);
    if (result === 'already-revoked') throw httpError(409, `第 ${round} 轮资金调剂已撤销，不能再次撤销`, 'CONFLICT');
    return c.json({ ...(await roundOf(db, round)), warnings }, 200);
  });
