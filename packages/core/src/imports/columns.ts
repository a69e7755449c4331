import type { ImportKind, ImportRowsByKind } from '../contract/imports.ts';

/** How a column's cells are read (cell-values.ts). */
export type ColumnType = 'text' | 'region' | 'date' | 'count' | 'money' | 'year' | 'status' | 'trainingType';

export interface ImportColumn<K extends ImportKind = ImportKind> {
  field: keyof ImportRowsByKind[K] & string;
  /** the template's header */
  header: string;
  /** other headers the provincial platform's exports and hand-made sheets use */
  synonyms: readonly string[];
  required: boolean;
  type: ColumnType;
  /** one Chinese sentence for the template's 填表说明 sheet */
  rule: string;
}

/** 补贴标准 after the 2020 raise of 50%: 825–4,350 yuan per person, unless an approved exception says otherwise. */
export const SUBSIDY_STANDARD_RANGE = { min: 825, max: 4_350 } as const;
/** The most people a class may enrol: a larger count is a typing error (or a sum of classes), and its ratios would read absurdly. */
export const MAX_CLASS_SIZE = 10_000;

/** The years a file's dates and 年度 may name: anything else is a typing slip (2202, 1900 from an empty Excel date). */
export const IMPORT_YEARS = { min: 2000, max: 2099 } as const;

const REGION_SYNONYMS = ['县市区代码', '区划代码', '行政区划代码', '地区代码', '区域代码', '县区代码', '区县代码', '县市区编码', '行政区划编码', '所属地区代码'];
const CLASS_NO_SYNONYMS = ['班级编号', '开班编号', '培训班号', '班级号', '班号'];
const YEAR_SYNONYMS = ['年份', '年', '任务年度', '计划年度'];

const classNo = <K extends 'classes' | 'audits'>(rule: string): ImportColumn<K> => ({
  field: 'classNo' as ImportColumn<K>['field'], header: '培训班编号', synonyms: CLASS_NO_SYNONYMS, required: true, type: 'text', rule,
});
const yearColumn = <K extends 'targets' | 'allocations'>(): ImportColumn<K> => ({
  field: 'year' as ImportColumn<K>['field'], header: '年度', synonyms: YEAR_SYNONYMS, required: true, type: 'year', rule: '四位年份，如 2020。',
});
const countyColumn = <K extends 'targets' | 'allocations'>(what: string): ImportColumn<K> => ({
  field: 'regionCode' as ImportColumn<K>['field'], header: '区划代码', synonyms: REGION_SYNONYMS, required: true, type: 'region',
  rule: `县市区的6位行政区划代码（GB/T 2260）；${what}按县市区填写，市州的数为所辖县市区之和，不填市州代码。`,
});

/** Each kind's columns, in the template's order. */
export const IMPORT_COLUMNS: { readonly [K in ImportKind]: readonly ImportColumn<K>[] } = {
  classes: [
    classNo('平台上的培训班编号，文件内不得重复；已导入过的编号再次导入即更新该班（如3月开班、4月结业）。'),
    { field: 'regionCode', header: '县市区代码', synonyms: REGION_SYNONYMS, required: true, type: 'region', rule: '开班地县市区的6位行政区划代码（GB/T 2260）；市本级的培训班填市州代码。' },
    { field: 'institution', header: '培训机构', synonyms: ['培训机构名称', '机构名称', '承训机构', '培训单位'], required: true, type: 'text', rule: '培训机构全称；平台上还没有的机构在导入时建立。' },
    { field: 'occupation', header: '工种', synonyms: ['培训工种', '职业', '职业(工种)', '职业工种', '工种名称', '培训项目'], required: true, type: 'text', rule: '培训的职业（工种）名称，如 育婴员。' },
    { field: 'trainingType', header: '培训类型', synonyms: ['培训类别', '类型', '培训类型名称', '培训类型代码'], required: true, type: 'trainingType', rule: '培训类型的名称或代码，如 就业技能培训、以工代训。' },
    { field: 'openedOn', header: '开班日期', synonyms: ['开班时间', '开始日期', '培训开始日期', '开训日期'], required: true, type: 'date', rule: '日期，如 2020-05-06、2020/5/6 或 2020年5月6日。' },
    { field: 'finishedOn', header: '结业日期', synonyms: ['结业时间', '结课日期', '结束日期', '培训结束日期'], required: false, type: 'date', rule: '尚未结业的班留空；不得早于开班日期。' },
    { field: 'enrolled', header: '开班人数', synonyms: ['参训人数', '报名人数', '培训人数', '开班时人数'], required: true, type: 'count', rule: '不小于0的整数，每班不超过 10,000 人。' },
    { field: 'completed', header: '结业人数', synonyms: ['结课人数', '结业人次'], required: false, type: 'count', rule: '不小于0的整数，不超过开班人数；未结业的班留空或填0。' },
    { field: 'subsidised', header: '补贴人数', synonyms: ['享受补贴人数', '补贴人次', '领取补贴人数'], required: false, type: 'count', rule: '从专账资金领取补贴的人数，不超过结业人数；留空为0。' },
    { field: 'subsidyStandard', header: '补贴标准（元/人）', synonyms: ['补贴标准', '人均补贴标准'], required: true, type: 'money', rule: '整数元，825–4350元/人；超出此范围须填例外审批文号。' },
    { field: 'exception', header: '例外审批文号', synonyms: ['审批文号', '例外审批', '特殊标准审批文号'], required: false, type: 'text', rule: '补贴标准超出825–4350元/人时，填批准的文号；否则留空。' },
  ],
  audits: [
    { field: 'auditNo', header: '审核编号', synonyms: ['审核单号', '审核批次号', '审核流水号'], required: true, type: 'text', rule: '资金审核的编号，文件内不得重复；已导入过的编号再次导入即更新该条审核。' },
    classNo('被审核的培训班编号，须为已导入的培训班。'),
    { field: 'auditedOn', header: '审核日期', synonyms: ['审核时间', '审核通过日期'], required: true, type: 'date', rule: '日期，如 2020-06-18、2020/6/18 或 2020年6月18日。' },
    { field: 'amount', header: '审核金额（元）', synonyms: ['审核金额', '核定金额', '审核通过金额', '补贴金额', '审核资金'], required: true, type: 'money', rule: '整数元，可写 1,234 或 1234元；不能有角分。' },
    { field: 'status', header: '审核状态', synonyms: ['审核结果', '状态'], required: true, type: 'status', rule: '已通过、未通过（驳回）或待审核；只有已通过的金额计入资金审核数。' },
  ],
  targets: [
    countyColumn('目标任务'),
    yearColumn(),
    { field: 'trainees', header: '目标任务（人）', synonyms: ['目标任务', '目标任务数', '培训目标', '目标人数', '目标任务(人次)'], required: true, type: 'count', rule: '当年补贴性职业技能培训目标人次，不小于0的整数。' },
  ],
  allocations: [
    countyColumn('分配资金'),
    yearColumn(),
    { field: 'fundsBudget', header: '分配资金（元）', synonyms: ['分配资金', '资金分配', '下达资金', '分配金额', '预算资金', '资金预算'], required: true, type: 'money', rule: '当年下达的专账资金，整数元（资金调剂另行记录）。' },
  ],
};

type ExampleRow<K extends ImportKind> = { readonly [F in ImportColumn<K>['field']]?: string | number };

/**
 * What marks a template's example row: a cell whose text begins with 示例. The template writes it in a first column
 * 序号 (示例1, 示例2…, a header the import otherwise ignores), so that a template uploaded unchanged adds no fake
 * classes and changes no real target: the validator refuses every such row (validate-import.ts).
 */
export const EXAMPLE_MARK = '示例';
/** The template's first column, holding each example row's mark. */
export const EXAMPLE_COLUMN = '序号';
/** The refusal of an example row, after 「第N行」. */
export const EXAMPLE_ROW_TEXT = '是模板的示例行，请删除后再导入';

/**
 * The template's example rows (without their 序号 mark): they pass validation against the real regions and the demo
 * catalogue, so that a row copied from them with the mark removed imports.
 */
export const IMPORT_EXAMPLES: { readonly [K in ImportKind]: readonly ExampleRow<K>[] } = {
  classes: [
    { classNo: '20204301829000001', regionCode: '430182', institution: '宁乡市职业技术培训学校', occupation: '育婴员', trainingType: '就业技能培训', openedOn: '2020-05-06', finishedOn: '2020-05-25', enrolled: 40, completed: 38, subsidised: 30, subsidyStandard: 1100 },
    { classNo: '20204301029000002', regionCode: '430102', institution: '湖南某某电子商务有限公司', occupation: '电子商务师', trainingType: '以工代训', openedOn: '2020-06-01', enrolled: 120, subsidyStandard: 1500 },
    { classNo: '20204301009000003', regionCode: '430100', institution: '长沙市职业技能实训指导中心', occupation: '养老护理员', trainingType: '新型学徒制', openedOn: '2020-03-02', finishedOn: '2020-12-30', enrolled: 25, completed: 24, subsidised: 24, subsidyStandard: 5000, exception: '湘人社函〔2020〕88号' },
  ],
  audits: [
    { auditNo: 'SH2020060001', classNo: '20204301829000001', auditedOn: '2020-06-18', amount: 33000, status: '已通过' },
    { auditNo: 'SH2020060002', classNo: '20204301009000003', auditedOn: '2020-06-20', amount: 0, status: '待审核' },
  ],
  targets: [
    { regionCode: '430182', year: 2021, trainees: 12000 },
    { regionCode: '430102', year: 2021, trainees: 8500 },
  ],
  allocations: [
    { regionCode: '430182', year: 2021, fundsBudget: 15_000_000 },
    { regionCode: '430102', year: 2021, fundsBudget: 10_500_000 },
  ],
};

/** A column's example for the notes sheet: the first example row that fills it. */
export function columnExample<K extends ImportKind>(kind: K, field: ImportColumn<K>['field']): string {
  const rows = IMPORT_EXAMPLES[kind] as readonly Record<string, string | number | undefined>[];
  const value = rows.find((row) => row[field] !== undefined)?.[field];
  return value === undefined ? '' : String(value);
}
