import { describe, expect, test } from 'vitest';
import { parsePeriod } from '../metrics/period.ts';
import { bulletinTitle } from './bulletin-defaults.ts';
import { addresseeLine, balanceTitle, bulletinTitleLines, regionNameLines, titleBreaks, titleEms, TITLE_LINE_EMS } from './title-lines.ts';

const CITIES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西土家族苗族自治州'];
/** Words a title line must never cut. */
const WORDS = ['关于', '职业技能', '提升', '行动', '工作', '进展', '情况', '通报', ...CITIES];

const titles = ['2020-01', '2020-05', '2020-12'].flatMap((period) => {
  const title = bulletinTitle(parsePeriod(period));
  return [title, ...CITIES.map((city) => `${title}（${city}）`)];
});

/** Each place a line ends, as a character offset into the title. */
const cuts = (lines: string[]) => lines.slice(0, -1).map((_, i) => [...lines.slice(0, i + 1).join('')].length);

describe('the bulletin title’s lines', () => {
  test.each(titles)('%s: whole words, every line within the width, nothing lost', (title) => {
    const lines = bulletinTitleLines(title);
    expect(lines.join('')).toBe(title);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(titleEms(line)).toBeLessThanOrEqual(TITLE_LINE_EMS);
    for (const cut of cuts(lines)) {
      for (const word of WORDS) {
        for (let from = title.indexOf(word); from >= 0; from = title.indexOf(word, from + 1)) {
          expect(cut <= from || cut >= from + word.length, `${lines.join(' / ')} cuts ${word}`).toBe(true);
        }
      }
      // the period (2020年1—5月) stays on one line
      expect(/[0-9—]/.test(title[cut - 1]!) && /[0-9—年月]/.test(title[cut]!)).toBe(false);
    }
  });

  test.each([
    ['the province’s, 1—5', '关于2020年1—5月全省职业技能提升行动工作进展情况的通报', ['关于2020年1—5月全省职业技能提升', '行动工作进展情况的通报']],
    ['the longest extract: its name whole on the last line', '关于2020年1—5月全省职业技能提升行动工作进展情况的通报（湘西土家族苗族自治州）', ['关于2020年1—5月全省', '职业技能提升行动工作进展情况的', '通报（湘西土家族苗族自治州）']],
    ['an attachment’s title keeps an autonomous prefecture’s name whole (22 characters of 18 pt)', '2020年1—5月湘西土家族苗族自治州各县市区完成情况表', ['2020年1—5月湘西土家族苗族自治州', '各县市区完成情况表'], 22],
    ['a short title stays one line', '关于鲲鹏乡镇技能培训进展的通报', ['关于鲲鹏乡镇技能培训进展的通报']],
  ] as [string, string, string[], number?][])('%s', (_, title, lines, width) => {
    expect(width ? balanceTitle(titleEms, title, width) : bulletinTitleLines(title)).toEqual(lines);
  });

  test.each([
    ['between words', '职业技能提升行动', [6]],
    ['after 的 (a good place) and before a bracket (a good place), never inside the bracket', '进展的通报（长沙市）', [2, 3, 5]],
    ['never inside a figure, 年 or 月', '2020年1—5月全省', [9]],
    ['never inside an autonomous county’s name', '城步苗族自治县职业培训', [7, 9]],
  ])('breaks %s', (_, text, places) => {
    expect(titleBreaks(text).map((b) => b.at)).toEqual(places);
  });

  test('a text with no allowed place that fits breaks between characters rather than overflow', () => {
    expect(balanceTitle((t) => t.length, 'abcdef', 3)).toEqual(['abc', 'def']);
  });
});

test.each([
  ['各市州人力资源和社会保障局', '各市州人力资源和社会保障局：'],
  ['各市州人力资源和社会保障局：', '各市州人力资源和社会保障局：'],
  ['各县市区人社局: ', '各县市区人社局：'],
])('the addressees %s are printed as %s', (addressees, line) => {
  expect(addresseeLine(addressees)).toBe(line);
});

describe('a region’s name in a narrow cell', () => {
  const chars = (n: number) => (line: string) => [...line].length <= n;
  test.each([
    ['通道侗族自治县', 5, ['通道侗族', '自治县']],
    ['新晃侗族自治县', 5, ['新晃侗族', '自治县']],
    ['靖州苗族侗族自治县', 5, ['靖州苗族', '侗族自治县']],
    ['湘西土家族苗族自治州', 5, ['湘西土家族', '苗族自治州']],
    ['湘西土家族苗族自治州', 7, ['湘西土家族苗族', '自治州']],
    ['通道侗族自治县', 7, ['通道侗族自治县']],
    ['长沙县', 2, ['长沙县']],
  ])('%s within %d characters → %o', (name, width, lines) => {
    expect(regionNameLines(name, chars(width))).toEqual(lines);
  });
});
