import { expect, test } from 'vitest';
import { lagPhrase, peopleGapCell, rankChangeCell, rankChangePhrase, timeLineGapPhrase } from './wording.ts';

test.each([
  [0.207, '超时序进度 20.7 个百分点'],
  [-0.11547, '落后时序进度 11.5 个百分点'],
  [-0.0004, '与时序进度持平'],
  [null, '无目标任务'],
])('a lag of %s reads 「%s」', (lag, phrase) => {
  expect(lagPhrase(lag)).toBe(phrase);
});

test('a gap in people to the time line, or none', () => {
  expect(timeLineGapPhrase(3_945)).toBe('距时序进度还差 3,945 人');
  expect(timeLineGapPhrase(0)).toBe('已达时序进度');
  expect(peopleGapCell(0, '已完成')).toBe('已完成');
  expect(peopleGapCell(12_000, '已达')).toBe('12,000');
});

test.each([
  [2, '上升 2 位', '↑2'],
  [-1, '下降 1 位', '↓1'],
  [0, '持平', '持平'],
])('a rank change of %i reads 「%s」, in a cell %s', (change, phrase, cell) => {
  expect(rankChangePhrase(change)).toBe(phrase);
  expect(rankChangeCell(change)).toBe(cell);
});
