import type { Action } from '../contract/action.ts';
import type { Alert, AlertSummary, Movers } from '../contract/alerts.ts';
import type { BulletinBlock, BulletinDocument, BulletinEditable, BulletinEdits } from '../contract/bulletin.ts';
import type { ReallocationRound } from '../contract/funds.ts';
import type { MetricRow } from '../contract/metric-row.ts';
import type { Note } from '../contract/note.ts';
import { isBehind } from '../alerts/lag-level.ts';
import { formatChineseDate } from '../display/time.ts';
import { formatPeriod, periodLabel, type Period } from '../metrics/period.ts';
import { BULLETIN_DEFAULTS, bulletinTitle, type BulletinSettings } from './bulletin-defaults.ts';
import { cityProgress, provinceProgress, roundsParagraph } from './bulletin-progress.ts';
import { behindParagraph, moversParagraph, noteParagraphs, summonsParagraph, topBottomParagraph } from './bulletin-standing.ts';
import { actionsParagraph, actionsTable } from './bulletin-supervision.ts';
import { completionChart, regionTable } from './bulletin-tables.ts';
import { DEFAULT_REQUIREMENTS, defaultProblems } from './bulletin-texts.ts';

/** What a bulletin is made from: the period's numbers and what was done about them, all already loaded. */
export interface BulletinInput {
  period: Period;
  /** the metric rows of the period, as `/api/metrics` answers them: the province's one, the 14 cities', the 122 counties' (ranked province-wide) */
  province: MetricRow;
  cities: readonly MetricRow[];
  counties: readonly MetricRow[];
  /** the month's alerts of cities and counties, and the meeting's summary over the province */
  alerts: readonly Alert[];
  summary: AlertSummary;
  /** supervision actions (those opened on the period are reported) */
  actions: readonly Action[];
  /** notes on the regions' numbers (those on the period are printed) */
  notes: readonly Note[];
  /** reallocation rounds (those in force, dated in the period's year up to its end, are reported) */
  rounds: readonly ReallocationRound[];
  edits: BulletinEdits;
  settings: BulletinSettings;
  demo: boolean;
  /** a city's code: its extract instead of the province's bulletin */
  city?: string;
  /** 1 for a first issue, 2 for its first correction … */
  version?: number;
  /** a correction's: the version it replaces and the day that one was issued ('YYYY-MM-DD') */
  replaces?: { version: number; issuedOn: string };
}

export class UnknownBulletinCityError extends Error {
  constructor(readonly code: string) {
    super(`${code} 不是市州代码`);
    this.name = 'UnknownBulletinCityError';
  }
}

const heading = (level: 1 | 2, text: string): BulletinBlock => ({ kind: 'heading', level, text });
const paragraph = (text: string): BulletinBlock => ({ kind: 'paragraph', text });
/** A staff-written part: one paragraph a line, each marked with the part it shows. */
const editable = (key: BulletinEditable, text: string): BulletinBlock[] =>
  text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => ({ kind: 'paragraph', text: line, editable: key }));

/**
 * Staff's saved text of a part, as the document prints it, or undefined for the text drafted from the data. A city's
 * extract never prints the province's 存在问题 (it names other cities): it is always drafted from the city's own
 * numbers; 下一步工作要求 applies to every city, so the extract prints the province's text.
 */
export function extractText(part: BulletinEditable, edits: BulletinEdits, extract: boolean): string | undefined {
  return extract && part === 'problems' ? undefined : edits[part];
}

/** Who is in the extract's scope: the city and its counties (or everybody, for the province). */
const inScope = (city: string | undefined) => (r: { regionCode: string; parentCode: string | null }) =>
  !city || r.regionCode === city || r.parentCode === city;

function scopedMovers(movers: Movers, keep: (m: { regionCode: string; parentCode: string | null }) => boolean): Movers {
  return { up: movers.up.filter(keep), down: movers.down.filter(keep), newlyBehind: movers.newlyBehind.filter(keep), recovered: movers.recovered.filter(keep) };
}

/**
 * The monthly bulletin (通报) drafted from the numbers: 一、总体进展 with the city table and its chart; 二、落后时序进度
 * 和约谈 (behind, summons, top and bottom, movers, the regions' notes); 三、督导整改; 四、存在问题 and 五、下一步工作要求
 * (staff's text, or a draft from the data); the full city and county tables attached. With `city`, the same
 * bulletin limited to that city: its row marked in the city table, its counties, alerts, actions and notes.
 */
export function buildBulletin(input: BulletinInput): BulletinDocument {
  const { period, province, cities, counties, settings, edits } = input;
  const cityRow = input.city === undefined ? undefined : cities.find((c) => c.code === input.city);
  if (input.city !== undefined && !cityRow) throw new UnknownBulletinCityError(input.city);
  const keep = inScope(cityRow?.code);
  const label = periodLabel(period);
  const ownCounties = cityRow ? counties.filter((c) => c.parentCode === cityRow.code) : counties;
  const key = formatPeriod(period);
  const alerts = input.alerts.filter(keep);
  const summons = input.summary.summons.filter(keep);
  const actions = input.actions.filter((a) => a.period === key && keep(a));
  const notes = input.notes.filter((n) => n.period === key && keep(n));
  const cityAttachment = cityRow ? '附件' : '附件2';

  const body: BulletinBlock[] = [
    ...(input.replaces && settings.issueNumber !== null ? [paragraph(correctionParagraph(settings.issueNumber, input.replaces))] : []),
    heading(1, '一、总体进展'),
    ...provinceProgress(period, province).map(paragraph),
    ...(cityRow ? [paragraph(cityProgress(period, cityRow))] : []),
    ...[roundsParagraph(period, input.rounds, cityRow)].filter((t) => t !== null).map(paragraph),
    { kind: 'table', table: regionTable({ period, level: 'city', title: `${label}各市州完成情况`, rows: cities, total: { row: province, name: '全省' }, emphasis: (r) => (cityRow ? r.code === cityRow.code : isBehind(r.lag)) }) },
    { kind: 'chart', chart: completionChart(period, cities) },
    heading(1, '二、落后时序进度和约谈'),
    ...numberedParts([
      ['落后时序进度的地区', [
        ...(cityRow ? [] : [paragraph(behindParagraph('市州', cities, cities.length))]),
        paragraph(behindParagraph(cityRow ? `${cityRow.name}所辖县市区` : '县市区', ownCounties, BULLETIN_DEFAULTS.namedBehindCounties, cityAttachment)),
      ]],
      ['持续排名靠后和约谈', [paragraph(summonsParagraph(summons))]],
      ['排名靠前和靠后的地区', [
        ...(cityRow ? [] : [paragraph(topBottomParagraph('市州', cities, BULLETIN_DEFAULTS.listedCities))]),
        paragraph(topBottomParagraph(cityRow ? `${cityRow.name}所辖县市区` : '县市区', ownCounties, cityRow ? BULLETIN_DEFAULTS.listedCities : BULLETIN_DEFAULTS.listedCounties)),
      ]],
      ['名次变化', moverParagraphs(input.summary, keep, cityRow?.name)],
      ['各地情况说明', noteParagraphs(notes).map(paragraph)],
    ]),
    heading(1, '三、督导整改'),
    paragraph(actionsParagraph(actions)),
    ...(actions.length ? [{ kind: 'table', table: actionsTable(`${label}督导事项`, actions) } as const] : []),
    heading(1, '四、存在问题'),
    ...editable('problems', extractText('problems', edits, cityRow !== undefined) ?? defaultProblems({
      cities: cityRow ? [] : cities, counties: ownCounties, whole: cityRow ?? province, wholeName: cityRow?.name ?? '全省', alerts,
    })),
    heading(1, '五、下一步工作要求'),
    ...editable('requirements', extractText('requirements', edits, cityRow !== undefined) ?? DEFAULT_REQUIREMENTS),
  ];

  return {
    period: key,
    title: cityRow ? `${bulletinTitle(period)}（${cityRow.name}）` : bulletinTitle(period),
    issueNumber: settings.issueNumber,
    documentNumber: settings.documentNumber,
    version: input.version ?? 1,
    date: settings.date,
    dateText: formatChineseDate(settings.date),
    addressees: settings.addressees,
    issuer: settings.issuer,
    ...(cityRow ? { city: { code: cityRow.code, name: cityRow.name } } : {}),
    body,
    attachments: cityRow
      ? [{
        number: 1, title: `${label}${cityRow.name}各县市区完成情况表`, orientation: 'portrait',
        table: regionTable({ period, level: 'county', title: `${label}${cityRow.name}各县市区完成情况表`, rows: ownCounties, total: { row: cityRow, name: cityRow.name }, emphasis: (r) => isBehind(r.lag), parentName: cityRow.name }),
      }]
      : [
        {
          number: 1, title: `${label}各市州完成情况表`, orientation: 'portrait',
          table: regionTable({ period, level: 'city', title: `${label}各市州完成情况表`, rows: cities, total: { row: province, name: '全省' }, emphasis: (r) => isBehind(r.lag) }),
        },
        {
          number: 2, title: `${label}各县市区完成情况表`, orientation: 'landscape',
          table: regionTable({ period, level: 'county', title: `${label}各县市区完成情况表`, rows: counties, total: { row: province, name: '全省' }, emphasis: (r) => isBehind(r.lag) }),
        },
      ],
    demo: input.demo,
  };
}

/** The level-2 parts of a section that have something to say, numbered （一）（二）… in order. */
function numberedParts(parts: readonly [string, BulletinBlock[]][]): BulletinBlock[] {
  const ORDER = '一二三四五六七八九十';
  return parts.filter(([, blocks]) => blocks.length).flatMap(([title, blocks], i) => [heading(2, `（${ORDER[i]}）${title}`), ...blocks]);
}

/** 名次变化: the cities' and the counties' movers in scope, or nothing in January. */
function moverParagraphs(summary: AlertSummary, keep: ReturnType<typeof inScope>, cityName?: string): BulletinBlock[] {
  const lines = [
    moversParagraph('市州', scopedMovers(summary.movers.city, keep)),
    moversParagraph(cityName ? `${cityName}所辖县市区` : '县市区', scopedMovers(summary.movers.county, keep)),
  ].filter((t) => t !== null);
  return lines.map(paragraph);
}

/**
 * A correction's first paragraph: the paper says what it replaces (the archive links them too) —
 * 「本期为第1期的更正，2026年11月27日印发的第1期同时作废。」 (a later correction names the version it replaces).
 */
export function correctionParagraph(issueNumber: number, replaces: { version: number; issuedOn: string }): string {
  const replaced = `第${issueNumber}期${replaces.version > 1 ? `（更正，第 ${replaces.version} 版）` : ''}`;
  return `本期为第${issueNumber}期的更正，${formatChineseDate(replaces.issuedOn)}印发的${replaced}同时作废。`;
}
