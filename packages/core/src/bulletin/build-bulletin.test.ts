import { describe, expect, test } from 'vitest';
import type { Action } from '../contract/action.ts';
import type { Alert, AlertSummary } from '../contract/alerts.ts';
import type { BulletinDocument } from '../contract/bulletin.ts';
import type { ReallocationRound } from '../contract/funds.ts';
import type { MetricRow } from '../contract/metric-row.ts';
import type { Note } from '../contract/note.ts';
import { BulletinDocumentSchema } from '../contract/bulletin.ts';
import { metricRow } from '../testing/metric-row.ts';
import { bulletinSettings, bulletinTitle, defaultBulletinDate } from './bulletin-defaults.ts';
import { buildBulletin, correctionParagraph, extractText, UnknownBulletinCityError, type BulletinInput } from './build-bulletin.ts';
import { unprintableCharacters, unprintableMessage } from './bulletin-unprintable.ts';
import { behindParagraph, moversParagraph, topBottomParagraph } from './bulletin-standing.ts';

const MAY = { year: 2020, month: 5 };
const tp = 5 / 12;

/** A region with a target of 50,000 (or as given) and a completion ratio; its lag follows from May's time line. */
function region(code: string, name: string, ratio: number, extra: Partial<MetricRow> = {}): MetricRow {
  const target = extra.target ?? 50_000;
  return metricRow({
    code, name, target, trainees: ratio * target, completionRatio: ratio, lag: ratio - tp, timeProgress: tp,
    classesOpened: 100, classesFinished: 80, fundsAudited: 10_000_000, fundsBudget: 40_000_000, fundsRatio: 0.25, ...extra,
  });
}

const province = region('430000', '湖南省', 0.45678, {
  level: 'province', parentCode: null, parentName: null, target: 100_000, trainees: 45_678, classesOpened: 1234, classesFinished: 1000,
  fundsAudited: 61_234_567, fundsBudget: 200_000_000, fundsRatio: 61_234_567 / 200_000_000, subsidised: 45_000, avgSubsidy: 61_234_567 / 45_000,
  month: { classesOpened: 200, classesFinished: 150, trainees: 9876, fundsAudited: 1 },
});
const cities = [
  region('430100', '甲市', 0.5, { rank: 1, rankChange: 1 }),
  region('430200', '乙市', 0.4, { rank: 2, rankChange: -1, trainees: 20_000 }),
];
const county = (code: string, name: string, parent: MetricRow, ratio: number, rank: number) =>
  region(code, name, ratio, { level: 'county', parentCode: parent.code, parentName: parent.name, rank });
const counties = [county('430102', '丙区', cities[0]!, 0.6, 1), county('430202', '戊区', cities[1]!, 0.35, 2), county('430103', '丁区', cities[0]!, 0.3, 3)];

const alertOn = (row: MetricRow, rule: Alert['rule'], message: string): Alert => ({
  regionCode: row.code, regionName: row.name, level: row.level, parentCode: row.parentCode, period: '2020-05', rule, severity: 'red', message, facts: {},
});
const summons = alertOn(cities[1]!, 'persistent-bottom', '连续3个月排名全省市州后3位（本月第 2 名）');
const noMovers = { up: [], down: [], newlyBehind: [], recovered: [] };
const summary: AlertSummary = { period: '2020-05', counts: [], summons: [summons], movers: { city: noMovers, county: noMovers } };

const action = (id: number, row: MetricRow, kind: Action['kind'], state: Action['state'], overdue: boolean): Action => ({
  id, regionCode: row.code, regionName: row.name, level: row.level, parentCode: row.parentCode, parentName: row.parentName, period: '2020-05', kind,
  dueDate: '2020-06-20', requirement: '说明原因', alertRule: null, alert: null, state, overdue, version: 1, openedBy: '省厅', openedAt: '', updatedAt: '',
});
const round = (n: number, date: string, revoked = false): ReallocationRound => ({
  round: n, date, documentNumber: `湘人社函〔2020〕${n * 8}号`, note: null, recordedBy: null, recordedAt: '', revokedAt: revoked ? 'x' : null,
  revokedBy: null, revokeReason: null, received: 15_000_000, given: 0, net: 15_000_000, regions: 5, cities: 2, counties: 3, lines: [],
});
const note: Note = {
  id: 1, regionCode: '430103', regionName: '丁区', level: 'county', parentCode: '430100', period: '2020-05', text: '受疫情影响，5月起集中开班。',
  author: { login: 'a', name: 'a' }, createdAt: '', updatedAt: '', version: 1, edited: false,
};

const input = (over: Partial<BulletinInput> = {}): BulletinInput => ({
  period: MAY, province, cities, counties, alerts: [summons], summary,
  actions: [action(1, cities[1]!, 'summons', 'closed', false), action(2, counties[2]!, 'guidance', 'open', true), { ...action(3, cities[0]!, 'guidance', 'open', false), period: '2020-04' }],
  notes: [note, { ...note, id: 2, period: '2020-04' }],
  rounds: [round(1, '2020-05-10'), round(2, '2020-07-28'), round(3, '2020-03-01', true)],
  edits: {}, settings: bulletinSettings(MAY), demo: true, ...over,
});

const texts = (doc: BulletinDocument) => doc.body.flatMap((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : []));

describe('the province bulletin', () => {
  const doc = buildBulletin(input());

  test('is a valid document with its title, settings and dates', () => {
    expect(BulletinDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.title).toBe('关于2020年1—5月全省职业技能提升行动工作进展情况的通报');
    expect([doc.date, doc.dateText, doc.issuer, doc.addressees, doc.issueNumber, doc.version]).toEqual(['2020-06-05', '2020年6月5日', '湖南省人力资源和社会保障厅', '各市州人力资源和社会保障局', null, 1]);
  });

  test.each([
    ['overall progress', '截至2020年5月底，全省累计开班1,234个、结课1,000个，培训4.57万人次，完成年度目标任务（10.00万人次）的45.7%，超时序进度 4.0 个百分点（时序进度41.7%）。其中5月当月开班200个、结课150个，培训0.99万人次。'],
    ['funds', '资金审核方面，全省累计审核补贴资金6,123.46万元，资金执行率30.6%，人均补贴1,361元。'],
    ['the rounds of the year so far, not the revoked or later ones', '今年以来，省厅组织资金调剂1轮，共调剂1,500万元：2020年5月10日（湘人社函〔2020〕8号）调剂1,500万元，涉及2个市州、3个县市区。'],
    ['cities behind', '市州中，落后时序进度的有乙市，共1个。'],
    ['counties behind, the far ones named', '县市区中，落后时序进度的有戊区、丁区，共2个；其中丁区落后 10 个百分点及以上。'],
    ['the summons list', '持续排名靠后、列入通报约谈名单的有：乙市连续3个月排名全省市州后3位（本月第 2 名）。'],
    ['top cities', '市州完成比例排名前2位的是甲市（50.0%）、乙市（40.0%）。'],
    ['top and bottom counties', '县市区完成比例排名前3位的是丙区（60.0%）、戊区（35.0%）、丁区（30.0%）。'],
    ['the period\'s note', '丁区：受疫情影响，5月起集中开班。'],
    ['the period\'s actions', '针对本期数据，开展督导2项，其中约谈1项、一对一指导1项；已办结1项、待答复1项，逾期1项。'],
    ['problems drafted from the data', '二是资金审核滞后于培训进度。全省资金执行率30.6%，低于完成比例45.7%。'],
    ['default requirements', '一是加快培训进度。落后时序进度的地区要认真查找原因，制定赶超措施，确保尽快达到时序进度。'],
  ])('says %s', (_, sentence) => {
    expect(texts(doc)).toContain(sentence);
  });

  test('numbers its sections and, without movers, skips that part', () => {
    expect(doc.body.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      '一、总体进展', '二、落后时序进度和约谈', '（一）落后时序进度的地区', '（二）持续排名靠后和约谈', '（三）排名靠前和靠后的地区', '（四）各地情况说明',
      '三、督导整改', '四、存在问题', '五、下一步工作要求',
    ]);
  });

  test('the city table shows every number as the display model writes it, behind rows marked, the province as total', () => {
    const table = doc.body.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error();
    expect(table.table.columns.map((c) => c.label)).toEqual(['名次', '市州', '目标任务', '开班数', '结课数', '培训人次', '完成比例', '较时序进度', '资金审核数', '资金执行率', '名次变化']);
    expect(table.table.rows[1]).toEqual({ cells: ['2', '乙市', '5.00', '100', '80', '2.00', '40.0%', '−1.7', '1,000.00', '25.0%', '↓1'], emphasis: true });
    expect(table.table.total).toEqual(['', '全省', '10.00', '1,234', '1,000', '4.57', '45.7%', '+4.0', '6,123.46', '30.6%', '']);
  });

  test('the chart draws the ratios against the time line', () => {
    const chart = doc.body.find((b) => b.kind === 'chart');
    expect(chart).toEqual({ kind: 'chart', chart: { kind: 'completion-bars', title: '2020年1—5月各市州完成比例', labels: ['甲市', '乙市'], values: [50, 40], timeLine: 41.7, valueTexts: ['50.0', '40.0'], timeLineText: '41.7' } });
  });

  test('attaches the city table in portrait and the county table with 所属市州 in landscape', () => {
    expect(doc.attachments.map((a) => [a.number, a.title, a.orientation, a.table.rows.length])).toEqual([
      [1, '2020年1—5月各市州完成情况表', 'portrait', 2],
      [2, '2020年1—5月各县市区完成情况表', 'landscape', 3],
    ]);
    expect(doc.attachments[1]!.table.rows[1]!.cells.slice(0, 3)).toEqual(['2', '戊区', '乙市']);
  });
});

describe('edits and settings', () => {
  test('staff text replaces the draft, one paragraph a line, marked editable', () => {
    const doc = buildBulletin(input({ edits: { problems: '一是甲。\n\n二是乙。' } }));
    expect(doc.body.filter((b) => b.kind === 'paragraph' && b.editable === 'problems')).toEqual([
      { kind: 'paragraph', text: '一是甲。', editable: 'problems' },
      { kind: 'paragraph', text: '二是乙。', editable: 'problems' },
    ]);
  });

  test.each([
    [{ year: 2020, month: 5 }, '2020-06-05'],
    [{ year: 2020, month: 12 }, '2021-01-05'],
  ])('a draft of %o is dated %s', (period, date) => {
    expect(defaultBulletinDate(period)).toBe(date);
  });

  test('January is 2020年1月, with no month line and no movers', () => {
    const jan = { year: 2020, month: 1 };
    expect(bulletinTitle(jan)).toBe('关于2020年1月全省职业技能提升行动工作进展情况的通报');
    const doc = buildBulletin(input({ period: jan, settings: bulletinSettings(jan) }));
    expect(texts(doc)[1]).not.toContain('当月');
  });
});

describe('a city extract', () => {
  const doc = buildBulletin(input({ city: '430100' }));

  test('is titled for the city, marks its row and attaches its counties with the city as total', () => {
    expect(doc.title).toBe('关于2020年1—5月全省职业技能提升行动工作进展情况的通报（甲市）');
    expect(doc.city).toEqual({ code: '430100', name: '甲市' });
    const table = doc.body.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error();
    expect(table.table.rows.map((r) => r.emphasis ?? false)).toEqual([true, false]);
    expect(doc.attachments).toHaveLength(1);
    expect(doc.attachments[0]!.table.rows.map((r) => r.cells[1])).toEqual(['丙区', '丁区']);
    expect(doc.attachments[0]!.table.total?.[1]).toBe('甲市');
  });

  test.each([
    ['its own progress', '甲市累计开班100个、结课80个，培训2.50万人次，完成年度目标任务（5.00万人次）的50.0%，超时序进度 8.3 个百分点，在全省市州中排第1名，较上月上升 1 位；累计审核补贴资金1,000万元，资金执行率25.0%。'],
    ['its counties behind', '甲市所辖县市区中，落后时序进度的有丁区，共1个；其中丁区落后 10 个百分点及以上。'],
    ['no summons of others', '本月没有持续排名靠后需通报约谈的地区。'],
    ['its counties\' actions only', '针对本期数据，开展督导1项，其中一对一指导1项；待答复1项，逾期1项。'],
    ['its notes', '丁区：受疫情影响，5月起集中开班。'],
  ])('says %s', (_, sentence) => {
    expect(texts(doc)).toContain(sentence);
  });

  const partOf = (d: BulletinDocument, part: 'problems' | 'requirements') => d.body.flatMap((b) => (b.kind === 'paragraph' && b.editable === part ? [b.text] : []));
  const drafted = partOf(doc, 'problems');
  const province = { problems: '一是乙市落后。', requirements: '一是各市州加快进度。' };

  test.each([
    ['nothing saved: both drafted', {}, drafted, ['一是加快培训进度。落后时序进度的地区要认真查找原因，制定赶超措施，确保尽快达到时序进度。']],
    ['the province’s 存在问题 saved: the city’s own, drafted from its data', { problems: province.problems }, drafted, undefined],
    ['the province’s 下一步 saved: printed in every extract', { requirements: province.requirements }, drafted, ['一是各市州加快进度。']],
    ['both saved', province, drafted, ['一是各市州加快进度。']],
  ] as const)('its own text — %s', (_, edits, problems, requirements) => {
    const extract = buildBulletin(input({ city: '430100', edits }));
    expect(partOf(extract, 'problems')).toEqual(problems);
    expect(partOf(extract, 'problems').join()).not.toContain('乙市');
    if (requirements) expect(partOf(extract, 'requirements').slice(0, 1)).toEqual(requirements);
  });

  test.each([
    ['problems', {}, false, undefined],
    ['problems', { problems: 'x' }, false, 'x'],
    ['problems', { problems: 'x' }, true, undefined],
    ['requirements', { requirements: 'y' }, true, 'y'],
    ['requirements', {}, true, undefined],
  ] as const)('extractText(%s, %o, extract %s) → %s', (part, edits, extract, expected) => {
    expect(extractText(part, edits, extract)).toBe(expected);
  });

  test('a code that is not a city is refused', () => {
    expect(() => buildBulletin(input({ city: '430102' }))).toThrow(UnknownBulletinCityError);
  });
});

describe('a correction', () => {
  test('opens by saying which issue it replaces and when that was issued; a first issue does not', () => {
    const settings = bulletinSettings(MAY, { issueNumber: 5, documentNumber: '湘人社函〔2020〕5号' });
    const first = buildBulletin(input({ settings }));
    const corrected = buildBulletin(input({ settings, version: 2, replaces: { version: 1, issuedOn: '2020-06-05' } }));
    expect(corrected.body[0]).toEqual({ kind: 'paragraph', text: '本期为第5期的更正，2020年6月5日印发的第5期同时作废。' });
    expect(corrected.body.slice(1)).toEqual(first.body);
    expect(correctionParagraph(5, { version: 2, issuedOn: '2020-06-09' })).toBe('本期为第5期的更正，2020年6月9日印发的第5期（更正，第 2 版）同时作废。');
  });
});

describe('lists', () => {
  const behind = [county('1', '子县', cities[0]!, 0.3, 1), county('2', '丑县', cities[0]!, 0.2, 2), county('3', '寅县', cities[0]!, 0.4, 3)];
  test('more regions behind than named: the furthest, and where the rest are', () => {
    expect(behindParagraph('县市区', [...behind, county('4', '卯县', cities[0]!, 0.5, 4)], 2, '附件2')).toBe('县市区中，落后时序进度的有3个，落后最多的2个是丑县（落后时序进度 21.7 个百分点）、子县（落后时序进度 11.7 个百分点）（全部名单见附件2）。');
  });
  test('everybody behind', () => {
    expect(behindParagraph('县市区', behind, 10)).toBe('县市区均落后时序进度，其中子县、丑县落后 10 个百分点及以上。');
  });
  test('everybody 10 points behind or more: said once, nobody named', () => {
    expect(behindParagraph('市州', behind.slice(0, 2), 14)).toBe('市州均落后时序进度 10 个百分点及以上。');
  });
  test('everybody behind, more far behind than named (a spring month): counted, the names in the attachment', () => {
    expect(behindParagraph('县市区', behind, 1, '附件2')).toBe('县市区均落后时序进度，其中落后 10 个百分点及以上的有2个（名单见附件2）。');
  });
  test('movers: rank moves in their words, crossings of the time line as where the region is', () => {
    const mover = (name: string, rankChange: number, lag: number, message: string) => ({ regionCode: name, regionName: name, level: 'city' as const, parentCode: null, rank: 1, rankChange, lag, message });
    expect(moversParagraph('市州', { up: [mover('甲市', 2, 0.1, '上升 2 位（第 3 名 → 第 1 名）')], down: [], newlyBehind: [mover('乙市', 0, -0.02, 'x')], recovered: [mover('丙市', 0, 0, 'y')] })).toBe(
      '市州中，名次上升最多的有甲市上升 2 位（第 3 名 → 第 1 名）；本月新落后于时序进度的有乙市（落后时序进度 2.0 个百分点）；本月赶上时序进度的有丙市（与时序进度持平）。',
    );
  });
  test('nobody behind', () => {
    expect(behindParagraph('市州', [cities[0]!], 14)).toBe('市州均达到时序进度。');
  });
  test('top and bottom never overlap', () => {
    expect(topBottomParagraph('县市区', behind, 1)).toBe('县市区完成比例排名前1位的是子县（30.0%）；排名后1位的是寅县（40.0%）。');
  });
});

describe('characters the fonts cannot print', () => {
  /** 玗, 龘 and 囧 stand for the characters outside the fonts. */
  const missing = (text: string) => [...new Set([...text].filter((c) => '玗龘囧'.includes(c)))];
  const find = (over: Partial<BulletinInput>) => {
    const all = input(over);
    return unprintableCharacters(all, buildBulletin(all), missing);
  };
  const renamed = (row: MetricRow, name: string) => ({ ...row, name });

  test.each([
    ['none', {}, []],
    ['in a region’s note, named by the region', { notes: [{ ...note, text: '王玗同志视察。' }] }, [{ char: '玗', where: '丁区的说明' }]],
    ['in a county’s name', { counties: [renamed(counties[0]!, '龘区'), ...counties.slice(1)] }, [{ char: '龘', where: '地区名称「龘区」' }]],
    ['in a round’s 文号', { rounds: [{ ...round(1, '2020-05-10'), documentNumber: '囧发〔2020〕1号' }] }, [{ char: '囧', where: '第1轮资金调剂的文号' }]],
    ['not in a note of another month (not printed)', { notes: [{ ...note, period: '2020-04', text: '玗' }] }, []],
    ['in staff’s own saved text too (saved before the check, or fonts changed since)', { edits: { problems: '玗' } }, [{ char: '玗', where: '「四、存在问题」部分' }]],
    ['two at once', { notes: [{ ...note, text: '玗龘' }] }, [{ char: '玗', where: '丁区的说明' }, { char: '龘', where: '丁区的说明' }]],
  ] as const)('%s', (_, over, expected) => {
    expect(find(over as Partial<BulletinInput>)).toEqual(expected);
  });

  test('refusal names each character and where it is', () => {
    expect(unprintableMessage([{ char: '\u202e', where: '长沙市的说明' }, { char: '\u200b', where: '附件2' }, { char: '\u0301', where: '附件2' }])).toBe(
      '「U+202E」（长沙市的说明）、「U+200B」（附件2）、「U+0301」（附件2）不在通报所用字体（GB 2312 及《通用规范汉字表》）中，印出会缺字，请修改后再印发',
    );
    expect(unprintableMessage([{ char: '玗', where: '长沙市的说明' }, { char: '龘', where: '附件2' }])).toBe(
      '「玗」（长沙市的说明）、「龘」（附件2）不在通报所用字体（GB 2312 及《通用规范汉字表》）中，印出会缺字，请修改后再印发',
    );
  });
});
