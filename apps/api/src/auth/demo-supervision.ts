import { addDays, alertsOfMonth, parsePeriod, type Alert } from '@dispatch/core';
import { createNote, getUserByLogin, openAction, stepActionRow, type Db } from '@dispatch/db';
import { loadAlertContexts } from '../alert-contexts.ts';

/*
 * The demo's supervision, so that a newcomer finds the loop at work rather than empty pages: the province summons
 * the three cities at the bottom since the first quarter (unanswered: no demo account leads them), and guides
 * three of 长沙's counties (closed, awaiting review, awaiting 长沙's answer) — 长沙 because the demo city leader is
 * 长沙's. All of it goes through the same queries as the API, with its audit lines, by the demo accounts.
 */

interface Seed {
  period: string;
  pick: (alerts: Alert[]) => Alert[];
  kind: 'guidance' | 'summons';
  dueDate: string;
  requirement: (alert: Alert) => string;
  /** how far it has gone: still open, answered by the city leader, or answered and accepted */
  upTo: 'open' | 'answered' | 'closed';
}

const changshaCounty = (rule: Alert['rule']) => (alerts: Alert[]) =>
  alerts.filter((a) => a.parentCode === '430100' && a.level === 'county' && a.rule === rule).slice(0, 1);

const SEEDS: Seed[] = [
  {
    period: '2020-03',
    pick: (alerts) => alerts.filter((a) => a.rule === 'persistent-bottom' && a.level === 'city'),
    kind: 'summons',
    dueDate: '2020-04-15',
    requirement: (a) => `${a.message}。请于约谈前书面说明进度滞后原因，提出二季度赶进度的具体措施和时间表。`,
    upTo: 'open',
  },
  {
    period: '2020-05',
    pick: changshaCounty('behind-time'),
    kind: 'guidance',
    dueDate: '2020-06-15',
    requirement: (a) => `${a.message}。请对照时序进度制定开班计划，6月底前报送。`,
    upTo: 'closed',
  },
  {
    period: '2020-08',
    pick: changshaCounty('behind-time'),
    kind: 'guidance',
    dueDate: '2020-09-15',
    requirement: (a) => `${a.message}。请说明原因并提出9—10月的整改措施。`,
    upTo: 'answered',
  },
  {
    period: '2020-11',
    pick: changshaCounty('funds-lagging'),
    kind: 'guidance',
    dueDate: '2020-12-10',
    requirement: (a) => `${a.message}。请加快资金审核拨付，年底前完成清算。`,
    upTo: 'open',
  },
];

/** '2020-03' → '2020-04' */
const monthAfter = (period: string) => addDays(`${period}-28`, 7).slice(0, 7);

/**
 * Dates a demo step in 2020, where its numbers are, rather than at the moment the demo was written (the audit log
 * keeps that moment): the step, and the action's opening or last change with it.
 */
async function dateStep(db: Db, id: number, version: number, at: string): Promise<void> {
  await db.$client.batch([
    { sql: 'UPDATE supervision_steps SET at = ? WHERE action_id = ? AND version = ?', args: [at, id, version] },
    { sql: `UPDATE supervision_actions SET updated_at = ?${version === 1 ? ', opened_at = ?' : ''} WHERE id = ?`, args: version === 1 ? [at, at, id] : [at, id] },
  ]);
}

/** Writes the demo's actions and notes; the demo accounts must exist. */
export async function seedDemoSupervision(db: Db): Promise<void> {
  const official = await getUserByLogin(db, 'demo-official');
  const city = await getUserByLogin(db, 'demo-city');
  if (!official || !city) return;
  const province = { actorId: official.id, actorLogin: official.login, address: null };
  const leader = { actorId: city.id, actorLogin: city.login, address: null };
  for (const seed of SEEDS) {
    const alerts = alertsOfMonth(await loadAlertContexts(db, parsePeriod(seed.period)));
    for (const alert of seed.pick(alerts)) {
      const { regionCode, rule } = alert;
      const id = await openAction(db, { regionCode, period: seed.period, kind: seed.kind, dueDate: seed.dueDate, requirement: seed.requirement(alert), alertRule: rule, alert }, province);
      await dateStep(db, id, 1, `${monthAfter(seed.period)}-05T01:30:00.000Z`);
      if (seed.upTo === 'open') continue;
      const situation = '受疫情影响，一季度培训机构未能复课，参训人员返岗推迟。';
      const plan = '一是分片包干到乡镇，二是组织企业开展以工代训，三是每周调度开班和结业进度。';
      await stepActionRow(db, { id, regionCode, fromVersion: 1, step: 'answer', to: 'answered', content: { situation, plan, rectifyBy: seed.dueDate } }, leader);
      await dateStep(db, id, 2, `${addDays(seed.dueDate, -3)}T08:00:00.000Z`);
      if (seed.upTo === 'closed') {
        await stepActionRow(db, { id, regionCode, fromVersion: 2, step: 'accept', to: 'closed', content: {} }, province);
        await dateStep(db, id, 3, `${addDays(seed.dueDate, 2)}T02:00:00.000Z`);
      }
    }
  }
  const noteId = await createNote(db, { regionCode: '430100', period: '2020-04', text: '受疫情影响，一季度机构停课，4月陆续复课，5月起集中开班。' }, leader);
  const written = '2020-05-06T02:00:00.000Z';
  await db.$client.batch([
    { sql: 'UPDATE region_notes SET created_at = ?, updated_at = ? WHERE id = ?', args: [written, written, noteId] },
    { sql: 'UPDATE region_note_versions SET at = ? WHERE note_id = ?', args: [written, noteId] },
  ]);
}
