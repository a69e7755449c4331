import { DEFAULT_ALERT_SETTINGS } from '@dispatch/core';
import { expect, test } from 'vitest';
import { draftOf, parseDraft, readNumber } from './settings-draft.ts';

test.each([
  ['-12', -12],
  [' -12 ', -12],
  ['−12', -12],
  ['－１２', -12],
  ['0.75', 0.75],
  ['.5', 0.5],
  ['12.', 12],
  ['+3', 3],
  ['0', 0],
  ['', null],
  ['-', null],
  ['1e3', null],
  ['12abc', null],
  ['1,000', null],
])('%j reads as %s', (text, number) => {
  expect(readNumber(text)).toBe(number);
});

test('the saved thresholds as text and back are the same thresholds', () => {
  const draft = draftOf(DEFAULT_ALERT_SETTINGS);
  expect(draft['behindTime.redPoints']).toBe('-10');
  expect(parseDraft(draft)).toEqual({ settings: DEFAULT_ALERT_SETTINGS, problems: null });
});

test('a negative threshold typed as text is sent as a number', () => {
  const parsed = parseDraft({ ...draftOf(DEFAULT_ALERT_SETTINGS), 'behindTime.redPoints': '-12' });
  expect(parsed.settings?.behindTime.redPoints).toBe(-12);
});

test('an empty and a non-numeric field are named, and nothing is to be sent', () => {
  expect(parseDraft({ ...draftOf(DEFAULT_ALERT_SETTINGS), 'persistentBottom.months': '', 'fundsLagging.belowTimeLinePoints': '二十' })).toEqual({
    settings: null,
    problems: { 'persistentBottom.months': '请填写「持续靠后：连续」', 'fundsLagging.belowTimeLinePoints': '「资金执行滞后：或低于时序进度超过」应为数字' },
  });
});
