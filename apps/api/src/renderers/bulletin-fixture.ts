import type { BulletinColumn, BulletinDocument, BulletinTable } from '@dispatch/core';

/*
 * A hand-built bulletin for the PDF renderer's tests: the shape `buildBulletin` produces, with figures written as
 * the display model writes them. The city rows are typed out; the 122 county rows of the attachment are generated
 * (deterministically) with names of realistic lengths.
 */

export const FIXTURE_CITIES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西土家族苗族自治州'];

const figure = (key: string, label: string, unit?: string): BulletinColumn => ({ key, label, unit, align: 'right', width: 1 });

const CITY_COLUMNS: BulletinColumn[] = [
  { key: 'name', label: '市州', align: 'left', width: 2 },
  figure('target', '目标任务', '万人次'),
  figure('classesOpened', '开班数', '个'),
  figure('classesFinished', '结课数', '个'),
  figure('trainees', '培训人次', '万人次'),
  figure('completionRatio', '完成比例', '%'),
  figure('fundsAudited', '资金审核数', '万元'),
  figure('fundsRatio', '资金执行率', '%'),
  { key: 'rank', label: '排名', align: 'center', width: 0.7 },
  { key: 'rankChange', label: '变化', align: 'center', width: 0.7 },
];

/** A small deterministic generator, so that the fixture's figures look real and stay the same. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const grouped = (value: number) => Math.round(value).toLocaleString('en-US');

function cityTable(): BulletinTable {
  const random = sequence(7);
  const rows = FIXTURE_CITIES.map((name, i) => {
    const target = 4 + random() * 14;
    const ratio = 25 + random() * 30;
    const change = i % 3 === 0 ? '↑2' : i % 3 === 1 ? '↓1' : '—';
    return {
      cells: [name, fixed(target, 2), grouped(300 + random() * 900), grouped(200 + random() * 800), fixed((target * ratio) / 100, 2), fixed(ratio, 1), fixed(3000 + random() * 9000, 2), fixed(20 + random() * 40, 1), String(i + 1), change],
      emphasis: ratio < 41.7 ? true : undefined,
    };
  });
  return {
    title: '2020年1—5月各市州完成情况',
    columns: CITY_COLUMNS,
    rows,
    total: ['全省', '138.83', '9,712', '7,304', '57.65', '41.5', '122,600.00', '46.2', '', ''],
    notes: ['注：完成比例＝培训人次÷目标任务；时序进度为41.7%（5÷12）。'],
  };
}

const COUNTY_COLUMNS: BulletinColumn[] = [
  { key: 'index', label: '序号', align: 'center', width: 0.6 },
  { key: 'name', label: '县市区', align: 'left', width: 1.8 },
  { key: 'city', label: '所属市州', align: 'left', width: 1.8 },
  figure('target', '目标任务', '人次'),
  figure('classesOpened', '开班数', '个'),
  figure('classesOpenedMonth', '当月开班', '个'),
  figure('classesFinished', '结课数', '个'),
  figure('trainees', '培训人次', '人次'),
  figure('subsidised', '补贴人数', '人'),
  figure('completionRatio', '完成比例', '%'),
  figure('lag', '与时序进度差', '百分点'),
  figure('fundsAudited', '资金审核数', '万元'),
  figure('fundsRatio', '资金执行率', '%'),
  { key: 'rank', label: '全省排名', align: 'center', width: 0.8 },
];

const COUNTY_SUFFIXES = ['县', '区', '市', '自治县'];
const NAME_CHARS = '宁乡浏阳望城雨花芙蓉天心开福岳麓醴陵攸茶炎陵韶山湘乡衡南衡东祁东耒阳常宁邵东新邵隆回洞口绥宁武冈平江汨罗临湘华容桃源石门津市慈利桑植沅江安化资兴宜章嘉禾道县江永新田通道麻阳芷江洪江新化涟源冷水江泸溪凤凰花垣保靖古丈永顺龙山';

function countyTable(): BulletinTable {
  const random = sequence(11);
  const rows = Array.from({ length: 122 }, (_, i) => {
    const at = (i * 2) % (NAME_CHARS.length - 3);
    const suffix = COUNTY_SUFFIXES[i % COUNTY_SUFFIXES.length] ?? '县';
    const name = `${NAME_CHARS.slice(at, at + (i % 9 === 0 ? 3 : 2))}${i % 17 === 0 ? '土家族苗族自治县' : suffix}`;
    const target = 3000 + Math.round(random() * 12000);
    const trainees = Math.round(target * (0.2 + random() * 0.4));
    const ratio = (trainees / target) * 100;
    return {
      cells: [String(i + 1), name, FIXTURE_CITIES[Math.floor(i / 9)] ?? '湘西土家族苗族自治州', grouped(target), grouped(20 + random() * 90), grouped(random() * 20), grouped(10 + random() * 80), grouped(trainees), grouped(trainees * 0.68), fixed(ratio, 1), fixed(ratio - 41.7, 1), fixed(100 + random() * 900, 2), fixed(20 + random() * 40, 1), String(((i * 37) % 122) + 1)],
      emphasis: ratio - 41.7 <= -10 ? true : undefined,
    };
  });
  return { title: '2020年1—5月各县市区完成情况', columns: COUNTY_COLUMNS, rows, notes: ['注：排名按完成比例从高到低；并列时依次比较资金执行率、区划代码。'] };
}

const PARAGRAPHS = [
  '为全面掌握职业技能提升行动工作进展，推动各项任务按时序完成，现将2020年1—5月全省职业技能提升行动工作进展情况通报如下。',
  '截至5月底，全省累计开班9,712个、结课7,304个，培训57.65万人次，完成年度目标任务138.83万人次的41.5%，低于时序进度0.2个百分点；审核补贴资金12.26亿元，资金执行率46.2%。5月当月开班2,418个，培训进度明显加快。',
];

export function bulletinFixture(): BulletinDocument {
  return {
    period: '2020-05',
    title: '关于2020年1—5月全省职业技能提升行动工作进展情况的通报',
    issueNumber: 5,
    documentNumber: '湘人社函〔2020〕12号',
    version: 1,
    date: '2020-06-05',
    dateText: '2020年6月5日',
    addressees: '各市州人力资源和社会保障局',
    issuer: '湖南省人力资源和社会保障厅',
    demo: true,
    body: [
      { kind: 'paragraph', text: PARAGRAPHS[0]! },
      { kind: 'heading', level: 1, text: '一、总体进展' },
      { kind: 'paragraph', text: PARAGRAPHS[1]! },
      { kind: 'chart', chart: { kind: 'completion-bars', title: '各市州目标任务完成比例（%）', labels: FIXTURE_CITIES.map((name) => name.replace('土家族苗族自治州', '州')), values: [55.2, 50.1, 48.7, 46.3, 44.9, 43.0, 42.1, 41.9, 40.2, 38.8, 36.5, 33.0, 31.4, 28.7], timeLine: 41.7 } },
      { kind: 'heading', level: 1, text: '二、各市州完成情况' },
      { kind: 'table', table: cityTable() },
      { kind: 'heading', level: 2, text: '（一）落后时序进度的地区' },
      { kind: 'paragraph', text: '落后时序进度的有益阳市、郴州市、永州市、怀化市、娄底市、湘西土家族苗族自治州，其中怀化市、娄底市、湘西土家族苗族自治州落后10个百分点以上。连续3个月排名后3位的娄底市、湘西土家族苗族自治州列入通报约谈名单。' },
      { kind: 'heading', level: 2, text: '（二）资金执行情况' },
      { kind: 'paragraph', text: '全省资金执行率46.2%，高于完成比例4.7个百分点。5月完成第二轮资金调剂，从长沙市、株洲市调出资金1,850.00万元，调入邵阳市、怀化市。' },
      { kind: 'heading', level: 1, text: '三、存在的问题' },
      { kind: 'paragraph', text: '一是部分地区开班进度缓慢，1—4月受疫情影响较大的地区尚未完全恢复；二是资金审核拨付不及时，个别地区资金执行率低于完成比例15个百分点以上；三是数据报送质量有待提高，部分培训机构未按时上传结课信息。', editable: 'problems' },
      { kind: 'heading', level: 1, text: '四、下一步工作要求' },
      { kind: 'paragraph', text: '各地要对照年度目标任务和时序进度，逐县市区分析原因，制定追赶措施，确保6月底前完成目标任务的50%以上。落后地区要建立周调度制度，每周报送进展情况。', editable: 'requirements' },
    ],
    attachments: [{ number: 1, title: '2020年1—5月各县市区完成情况表', table: countyTable(), orientation: 'landscape' }],
  };
}
