import { isWithinRegion } from '../access/access.ts';
import type { AuditImportRow, ClassImportRow, ImportKind } from '../contract/imports.ts';
import type { RegionLevel } from '../contract/region.ts';
import { MAX_CLASS_SIZE, SUBSIDY_STANDARD_RANGE } from './columns.ts';
import type { ProblemList } from './problems.ts';

export interface ImportRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** What a file is checked against besides itself; the caller loads it, core stays pure. */
export interface ImportContext {
  /** the region registry (GB/T 2260 as of 2020) */
  regions: ReadonlyMap<string, ImportRegion>;
  /** 培训类型 known to the database (training_types): code and name */
  trainingTypes: readonly { code: string; name: string }[];
  /** 培训班编号 → its region, for the classes an audit may name: those stored, plus any of the same upload */
  knownClasses?: ReadonlyMap<string, string>;
  /** a city leader's city: a row outside it is an error, never skipped; null or absent for the province */
  scope?: string | null;
  /** problems listed before the rest are only counted (default 1,000) */
  maxProblems?: number;
}

/** One row being checked: its sheet row number, the file's header of each field, where problems go. */
export interface RowCheck {
  row: number;
  header: (field: string) => string;
  problems: ProblemList;
  context: ImportContext;
  /** fields whose cell did not read (or was blank but required): the rules over them are skipped */
  unread?: ReadonlySet<string> | undefined;
}

/** Whether every one of the fields read, so a rule over them can be checked. */
export function readable(check: RowCheck, ...fields: string[]): boolean {
  return !check.unread || fields.every((field) => !check.unread!.has(field));
}

const named = (region: ImportRegion) => `${region.code}（${region.name}）`;

/** The levels a kind's region code may name: a class may be a city's own (市本级); targets and funds go to counties. */
const REGION_LEVELS: Record<'classes' | 'targets' | 'allocations', readonly RegionLevel[]> = {
  classes: ['county', 'city'],
  targets: ['county'],
  allocations: ['county'],
};

const LEVEL_ADVICE: Record<'classes' | 'targets' | 'allocations', string> = {
  classes: '培训班填开班地的县市区代码，市本级的班填市州代码',
  targets: '目标任务按县市区填写，市州的数为所辖县市区之和',
  allocations: '分配资金按县市区填写，市州的数为所辖县市区之和',
};

function inScope(check: RowCheck, code: string): boolean {
  const { scope, regions } = check.context;
  return !scope || isWithinRegion(code, scope, regions);
}

function scopeText(check: RowCheck): string {
  const scope = check.context.scope!;
  return `不在本账号的管辖范围（${check.context.regions.get(scope)?.name ?? scope}）内`;
}

/** The region code exists, is of a level the kind takes, and lies in the importer's scope. */
export function checkRegion(check: RowCheck, kind: 'classes' | 'targets' | 'allocations', code: string): void {
  const region = check.context.regions.get(code);
  if (!region) return check.problems.cell(check.row, check.header('regionCode'), `${code} 不在地区名录中（GB/T 2260，2020年的湖南省各市州、县市区）`);
  if (!REGION_LEVELS[kind].includes(region.level)) return check.problems.cell(check.row, check.header('regionCode'), `${named(region)}不能用于此处：${LEVEL_ADVICE[kind]}`);
  if (!inScope(check, code)) check.problems.cell(check.row, check.header('regionCode'), `${named(region)}${scopeText(check)}`);
}

/** Dates in order, people counted consistently, the subsidy standard within range or excepted. */
export function checkClassRow(check: RowCheck, row: ClassImportRow): void {
  const { problems, header } = check;
  const at = check.row;
  // each rule's test first, then whether its cells read: most rows break none, and this runs for every row
  if (row.finishedOn !== null && row.finishedOn < row.openedOn && readable(check, 'finishedOn', 'openedOn')) problems.cell(at, header('finishedOn'), `早于「${header('openedOn')}」`);
  if (row.enrolled > MAX_CLASS_SIZE && readable(check, 'enrolled')) {
    problems.cell(at, header('enrolled'), `${row.enrolled} 人超过每班上限 ${MAX_CLASS_SIZE.toLocaleString('en-US')} 人：请核对是否多输了数字，或把几个班合成了一行`);
  }
  if (row.completed > row.enrolled && readable(check, 'completed', 'enrolled')) problems.cell(at, header('completed'), `${row.completed} 多于「${header('enrolled')}」${row.enrolled}`);
  if (row.subsidised > row.completed && readable(check, 'subsidised', 'completed')) problems.cell(at, header('subsidised'), `${row.subsidised} 多于「${header('completed')}」${row.completed}`);
  if (row.finishedOn === null && row.completed > 0 && readable(check, 'finishedOn', 'completed')) {
    problems.cell(at, header('finishedOn'), `为空，但「${header('completed')}」为 ${row.completed}：已结业的班须填结业日期`);
  }
  const { min, max } = SUBSIDY_STANDARD_RANGE;
  if ((row.subsidyStandard < min || row.subsidyStandard > max) && !row.exception && readable(check, 'subsidyStandard', 'exception')) {
    problems.cell(at, header('subsidyStandard'), `${row.subsidyStandard} 元不在 ${min}–${max} 元之间：超出范围须在「${header('exception')}」填批准文号`);
  }
}

/** The audited class exists (stored, or in the same upload) and lies in the importer's scope. */
export function checkAuditRow(check: RowCheck, row: AuditImportRow): void {
  if (!readable(check, 'classNo')) return;
  const header = check.header('classNo');
  const regionCode = check.context.knownClasses?.get(row.classNo);
  if (regionCode === undefined) return check.problems.cell(check.row, header, `${row.classNo} 不存在：请先导入该培训班`);
  if (!inScope(check, regionCode)) {
    const region = check.context.regions.get(regionCode);
    check.problems.cell(check.row, header, `${row.classNo} 属于${region ? named(region) : regionCode}，${scopeText(check)}`);
  }
}

/** What makes two rows of a file the same row: the natural key the write path upserts by. */
export const ROW_KEYS: { readonly [K in ImportKind]: readonly string[] } = {
  classes: ['classNo'],
  audits: ['auditNo'],
  targets: ['regionCode', 'year'],
  allocations: ['regionCode', 'year'],
};
