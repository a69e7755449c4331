import { expect, test } from 'vitest';
import { alertsTitle, rankingFileName, rankingNote, rankingTitle } from './ranking-text.ts';

const may = { year: 2020, month: 5 };

test.each([
  [{ level: 'city' } as const, '2020年1—5月各市州完成情况排名'],
  [{ level: 'county' } as const, '2020年1—5月各县市区完成情况排名'],
  [{ level: 'county', parentName: '株洲市' } as const, '2020年1—5月株洲市各县市区完成情况排名'],
])('%j is titled %s', (scope, title) => {
  expect(rankingTitle(may, scope)).toBe(title);
  expect(rankingFileName(may, scope)).toBe(`${title}.xlsx`);
});

test('the note says how the ranking is made, and within which city', () => {
  expect(rankingNote(may, { level: 'city' })).toBe('按完成比例排名，完成比例相同按资金执行率；数据截至2020年1—5月末。');
  expect(rankingNote({ year: 2020, month: 1 }, { level: 'county', parentName: '株洲市' })).toBe(
    '名次为株洲市内排名；按完成比例排名，完成比例相同按资金执行率；数据截至2020年1月末。',
  );
});

test.each([
  [{}, '2020年1—5月全省预警'],
  [{ level: 'city' } as const, '2020年1—5月各市州预警'],
  [{ level: 'county', severity: 'red' } as const, '2020年1—5月各县市区预警（红色）'],
  [{ parentName: '株洲市', rule: 'stalled' }, '2020年1—5月株洲市及所辖县市区预警（当月未开班）'],
  [{ level: 'county', parentName: '株洲市', rule: 'behind-time', severity: 'yellow' } as const, '2020年1—5月株洲市所辖县市区预警（落后时序进度·黄色）'],
])('alerts %j are titled %s', (filter, title) => {
  expect(alertsTitle(may, filter)).toBe(title);
});
