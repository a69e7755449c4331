import type { AlertRule } from '../contract/alerts.ts';
import type { RegionLevel } from '../contract/region.ts';
import { RULE_LABELS } from '../alerts/rule-labels.ts';
import { periodLabel, type Period } from '../metrics/period.ts';

/** Which regions a ranking lists: the cities, all counties, or one city's counties. */
export interface RankingScope {
  level: RegionLevel;
  /** the official name of the city whose counties are listed */
  parentName?: string;
}

/** Said on every page, file and document made from demo data. */
export const DEMO_MARKER = '（演示数据，非真实统计）';

/** 「各市州」, 「各县市区」, 「株洲市各县市区」. */
export function rankingScopeLabel({ level, parentName }: RankingScope): string {
  if (level === 'province') return '全省';
  const regions = level === 'city' ? '各市州' : '各县市区';
  return parentName ? `${parentName}${regions}` : regions;
}

/** 「2020年1—5月株洲市各县市区完成情况排名」: the title of the ranking on screen, in the Excel file and its name. */
export function rankingTitle(period: Period, scope: RankingScope): string {
  return `${periodLabel(period)}${rankingScopeLabel(scope)}完成情况排名`;
}

/** How the ranking is made, as its tables say under them. */
export function rankingNote(period: Period, scope: RankingScope): string {
  const within = scope.parentName ? `名次为${scope.parentName}内排名；` : '';
  return `${within}按完成比例排名，完成比例相同按资金执行率；数据截至${periodLabel(period)}末。`;
}

/** The Excel file's name: the title, without spaces. */
export function rankingFileName(period: Period, scope: RankingScope): string {
  return `${rankingTitle(period, scope)}.xlsx`;
}

/** 「2020年1—5月株洲市县市区预警（红）」: the title of an alerts list, on screen and in its Excel file. */
export function alertsTitle(
  period: Period,
  { level, parentName, rule, severity }: { level?: RegionLevel; parentName?: string; rule?: string; severity?: 'red' | 'yellow' },
): string {
  const scope = parentName
    ? `${parentName}${{ city: '', county: '所辖县市区', none: '及所辖县市区' }[level === 'city' || level === 'county' ? level : 'none']}`
    : level === 'city' ? '各市州' : level === 'county' ? '各县市区' : '全省';
  const which = [rule ? RULE_LABELS[rule as AlertRule] : null, severity ? { red: '红色', yellow: '黄色' }[severity] : null].filter(Boolean).join('·');
  return `${periodLabel(period)}${scope}预警${which ? `（${which}）` : ''}`;
}
