import { describe, expect, test } from 'vitest';
import { ClassMonths } from './rollup-months.ts';

/** The pairs of the chunks added one after the other. */
function classMonthsJson(...chunks: { regionCode: string; openedOn: string; finishedOn: string | null }[][]) {
  return monthsOf(...chunks).json();
}

function monthsOf(...chunks: { regionCode: string; openedOn: string; finishedOn: string | null }[][]) {
  const months = new ClassMonths();
  for (const chunk of chunks) months.add(chunk.map((c) => ({ completed: 0, subsidised: 0, ...c })));
  return months;
}

describe('ClassMonths', () => {
  test('each region-month of an opening or a finishing once, as SQL substr(date, 1, 7) gives it', () => {
    const classes = [
      { regionCode: '430102', openedOn: '2020-03-02', finishedOn: '2020-04-28' },
      { regionCode: '430102', openedOn: '2020-03-30', finishedOn: null },
      { regionCode: '430103', openedOn: '2020-12-31', finishedOn: '2021-01-05' },
      { regionCode: '430102', openedOn: '2020-04-01', finishedOn: '2020-04-02' },
    ];
    const pairs = [['430102', '2020-03'], ['430102', '2020-04'], ['430103', '2020-12'], ['430103', '2021-01']];
    expect(JSON.parse(classMonthsJson(classes))).toEqual(pairs);
    // added chunk by chunk as a file is read: the same pairs
    expect(JSON.parse(classMonthsJson(classes.slice(0, 1), classes.slice(1, 3), classes.slice(3)))).toEqual(pairs);
  });

  test('a date not written YYYY-MM-DD keeps its first seven characters', () => {
    expect(JSON.parse(classMonthsJson([{ regionCode: '430102', openedOn: '2020/3/2', finishedOn: '2020-0x-01' }]))).toEqual([
      ['430102', '2020/3/'], ['430102', '2020-0x'],
    ]);
  });

  test('the figures a rollup counts: opened by the opening month; finished, completed and subsidised people by the finishing month', () => {
    const months = new ClassMonths();
    months.add([
      { regionCode: '430102', openedOn: '2020-03-02', finishedOn: '2020-04-28', completed: 38, subsidised: 30 },
      { regionCode: '430102', openedOn: '2020-04-01', finishedOn: '2020-04-20', completed: 20, subsidised: 20 },
      { regionCode: '430102', openedOn: '2020-04-15', finishedOn: null, completed: 0, subsidised: 0 },
    ]);
    expect(JSON.parse(months.figuresJson()!)).toEqual([['430102', 2020, 3, 1, 0, 0, 0], ['430102', 2020, 4, 2, 2, 58, 50]]);
    months.add([{ regionCode: '430102', openedOn: '2020/3/2', finishedOn: null, completed: 0, subsidised: 0 }]);
    expect(months.figuresJson()).toBeUndefined(); // a month the rollup would not name alike: rebuilt instead
  });
});
