import { describe, expect, test } from 'vitest';
import { isTidy, readCommonCell, readCount, readDate, readMoney, readRegionCode, readStatus, readText, readTrainingType, readYear, type RawCell, type Read } from './cell-values.ts';

const value = <T>(read: Read<T>) => (read.ok ? read.value : `ERR ${read.reason}`);

describe('dates', () => {
  test.each<[string, RawCell, string]>([
    ['ISO', '2020-05-03', '2020-05-03'],
    ['slashes, no padding', '2020/5/3', '2020-05-03'],
    ['dots', '2020.5.3', '2020-05-03'],
    ['Chinese', '2020年5月3日', '2020-05-03'],
    ['Chinese with spaces and full-width digits', ' ２０２０年5月 3日 ', '2020-05-03'],
    ['eight digits', '20200503', '2020-05-03'],
    ['with a time (a CSV saved by Excel)', '2020/5/3 0:00', '2020-05-03'],
    ['an Excel date cell (UTC fields are the sheet day)', new Date(Date.UTC(2020, 4, 3)), '2020-05-03'],
    ['an Excel serial number', 43954, '2020-05-03'],
    ['an Excel serial with a time fraction', 43954.75, '2020-05-03'],
    ['a serial as CSV text', '43954', '2020-05-03'],
    ['leap day', '2020-02-29', '2020-02-29'],
  ])('%s', (_, cell, expected) => expect(value(readDate(cell))).toBe(expected));

  test.each<[string, RawCell, string]>([
    ['not on the calendar', '2019-02-29', '「2019-02-29」不是日历上的日期'],
    ['month 13', '2020/13/1', '「2020/13/1」不是日历上的日期'],
    ['day 35, echoed as written', '2021/1/35', '「2021/1/35」不是日历上的日期'],
    ['a date in Chinese not on the calendar, as written', ' 2021年2月30日 ', '「2021年2月30日」不是日历上的日期'],
    ['a year far off', '2202-05-03', '年份 2202 不在 2000–2099 之间'],
    ['a year written with leading zeros', '0021-05-03', '年份 0021 不在 2000–2099 之间'],
    ['an Excel date of day 1', 1, '年份 1900 不在 2000–2099 之间'],
    ['words', '五月三日', '「五月三日」不是日期，请写作 2020-05-03、2020/5/3 或 2020年5月3日'],
  ])('%s is refused', (_, cell, reason) => expect(value(readDate(cell))).toBe(`ERR ${reason}`));
});

describe('money in integer yuan', () => {
  test.each<[RawCell, number]>([
    ['1234', 1234], ['1,234', 1234], ['1,234.00', 1234], ['1234元', 1234], ['1,234.00元', 1234], ['¥1,234', 1234],
    ['１２３４', 1234], ['1,234,567', 1_234_567], ['1234.', 1234], ['1,234.', 1234], [1234, 1234], [1234.0, 1234], [0, 0], [' 825 ', 825],
  ])('%j reads as %d', (cell, expected) => expect(value(readMoney(cell))).toBe(expected));

  test.each<[string, RawCell, string]>([
    ['European separators', '1.234,00', '读到「1.234,00」：无法判断其中的点和逗号哪个是小数点，请写作不带分隔符的整数元，如 1234'],
    ['fractional yuan', '12.5', '读到 12.5 元：金额须为整数元，不能有角分'],
    ['a dot that may group thousands', '1.234', '读到 1.234 元：金额须为整数元，不能有角分'],
    ['fractional yuan as a number', 12.5, '读到 12.5 元：金额须为整数元，不能有角分'],
    ['a comma not grouping thousands', '1,23', '读到「1,23」：逗号应每三位分隔千位（如 1,234），无法确定金额'],
    ['an estimate', '约1000', '读到「约1000」：不是金额，请只填整数元，如 1234 或 1,234'],
    ['ten-thousands', '12.26万', '读到「12.26万」：不是金额，请只填整数元，如 1234 或 1,234'],
    ['negative', '-100', '不能为负数，读到「-100」'],
    ['negative number', -100, '应为不小于0的整数元，读到 -100'],
  ])('%s is refused, saying what was read', (_, cell, reason) => expect(value(readMoney(cell))).toBe(`ERR ${reason}`));
});

describe('counts, years, statuses, training types', () => {
  test.each<[RawCell, number | string]>([
    [40, 40], ['40', 40], ['40人', 40], ['1,200', 1200], [0, 0],
    [-1, 'ERR 不能为负数，读到 -1'], ['-1', 'ERR 不能为负数，读到「-1」'], [2.5, 'ERR 应为整数，读到 2.5'], ['三十', 'ERR 应为不小于0的整数，读到「三十」'],
  ])('count %j → %j', (cell, expected) => expect(value(readCount(cell))).toBe(expected));

  test.each<[RawCell, number | string]>([
    [2021, 2021], ['2021', 2021], ['2021年', 2021], ['2021年度', 2021], ['21', 'ERR 应为四位年份，读到「21」'], [1999, 'ERR 年份 1999 不在 2000–2099 之间'],
  ])('year %j → %j', (cell, expected) => expect(value(readYear(cell))).toBe(expected));

  test.each<[RawCell, string]>([
    ['已通过', 'approved'], ['通过', 'approved'], ['Approved', 'approved'], ['未通过', 'rejected'], ['驳回', 'rejected'], ['rejected', 'rejected'],
    ['待审核', 'pending'], ['pending', 'pending'], ['同意', 'ERR 应为 已通过、未通过 或 待审核，读到「同意」'],
  ])('status %j → %s', (cell, expected) => expect(value(readStatus(cell))).toBe(expected));

  const types = [{ code: 'employment', name: '就业技能培训' }, { code: 'work-in-lieu', name: '以工代训' }];
  test.each<[RawCell, string]>([
    ['就业技能培训', 'employment'], ['以工代训', 'work-in-lieu'], [' 以工 代训 ', 'work-in-lieu'], ['Employment', 'employment'],
    ['插花培训', 'ERR 「插花培训」不是已知的培训类型（就业技能培训、以工代训）'],
  ])('training type %j → %s', (cell, expected) => expect(value(readTrainingType(cell, types))).toBe(expected));
});

describe('text', () => {
  test.each<[RawCell, string]>([
    ['  宁乡市  职校 ', '宁乡市 职校'], [430182, '430182'], ['（长沙）培训中心', '（长沙）培训中心'],
    [20204301829000001, 'ERR 读到数字 20204301829000000：Excel 只保留15位有效数字，长编号的末几位已经丢失，请把此列设为文本格式后重新填写'],
  ])('%j → %s', (cell, expected) => expect(value(readText(cell))).toBe(expected));
});

describe('the common forms read without a Read', () => {
  const full = { text: readText, region: readRegionCode, date: readDate, count: readCount, money: readMoney } as const;
  test.each<[keyof typeof full, RawCell, string | number | undefined]>([
    ['count', '35', 35],
    ['count', '1,234', undefined],
    ['count', '-3', undefined],
    ['count', '007', 7],
    ['count', '', undefined],
    ['count', '123456789012345', 123456789012345],
    ['count', '1234567890123456', undefined],
    ['count', '1.5', undefined],
    ['money', '1500', 1500],
    ['money', '1500元', undefined],
    ['text', '电工', '电工'],
    ['text', ' 电工', undefined],
    ['text', '电  工', undefined],
    ['text', '电 工', '电 工'],
    ['text', '电工 ', undefined],
    ['region', '430102', '430102'],
    ['region', '４３０１０２', undefined],
    ['region', '43010', undefined],
    ['date', '2020-05-03', '2020-05-03'],
    ['date', '2020-02-30', undefined],
    ['date', '2019-02-29', undefined],
    ['date', '2020-13-01', undefined],
    ['date', '1999-05-03', undefined],
    ['date', '2020/5/3', undefined],
    ['date', '2020-5-03', undefined],
    ['date', '2020-05-3x', undefined],
    ['date', '２020-05-03', undefined],
    ['date', '2020-00-10', undefined],
    ['count', 35, undefined],
    ['date', null, undefined],
  ])('%s %j → %j, as the full reading', (type, cell, expected) => {
    const common = readCommonCell(type, cell);
    expect(common).toEqual(expected);
    if (common !== undefined) expect(value<string | number>(full[type](cell))).toEqual(common);
  });
});

describe('a text kept as it is', () => {
  // every character below U+3100 and a few beyond: each alone, first, last, inside, doubled and beside a space
  const characters = [...Array.from({ length: 0x3100 }, (_, c) => String.fromCharCode(c)), '\ufeff', '\ufffd', '电', '𠀾'];
  const forms = (ch: string) => [ch, `${ch}工`, `电${ch}`, `电${ch}工`, `电${ch}${ch}工`, `电 ${ch}工`, `电${ch} 工`, ''];
  test('as the regex of readText says: no white space first or last, none doubled, none but the plain space', () => {
    const untidy = /^\s|\s$|\s\s|[^\S ]/;
    const differ = characters.flatMap(forms).filter((text) => isTidy(text) === untidy.test(text));
    expect(differ).toEqual([]);
  });
});
