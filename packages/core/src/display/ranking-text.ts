import type { RegionLevel } from '../contract/region.ts';
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
