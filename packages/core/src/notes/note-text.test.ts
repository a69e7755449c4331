import { expect, test } from 'vitest';
import { NOTE_MAX_LENGTH, noteLength, noteTextProblem } from './note-text.ts';

test.each([
  ['受疫情影响，5月起集中开班', 13],
  ['  前后空白不计  ', 6],
  ['\n\t', 0],
  ['𠮷野家', 3], // a character outside the BMP is one, not two UTF-16 units
  ['abc 123', 7],
])('%j counts %i characters', (text, length) => {
  expect(noteLength(text)).toBe(length);
});

test.each([
  ['', '说明内容不能为空'],
  ['   ', '说明内容不能为空'],
  ['字'.repeat(NOTE_MAX_LENGTH), null],
  [` ${'字'.repeat(NOTE_MAX_LENGTH)} `, null],
  ['字'.repeat(501), '说明不超过 500 个字，现有 501 个字'],
  ['受疫情影响，5月起集中开班', null],
])('the text %j: %s', (text, problem) => {
  expect(noteTextProblem(text)).toBe(problem);
});
