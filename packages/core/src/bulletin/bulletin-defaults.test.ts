import { describe, expect, test } from 'vitest';
import { alreadyIssuedMessage, bulletinDocumentNumber, bulletinFileName, comingNumbering, nextIssueNumber, type BulletinFileFormat } from './bulletin-defaults.ts';

describe('the bulletin file’s name', () => {
  const changsha = { code: '430100', name: '长沙市' };
  test.each([
    ['a draft', { period: '2020-05', issueNumber: null, version: 1 }, 'pdf', '2020年1—5月通报（草稿）.pdf'],
    ['January', { period: '2020-01', issueNumber: null, version: 1 }, 'docx', '2020年1月通报（草稿）.docx'],
    ['a city’s extract', { period: '2020-05', city: changsha, issueNumber: null, version: 1 }, 'pdf', '2020年1—5月通报·长沙市摘编（草稿）.pdf'],
    ['the attachments', { period: '2020-12', issueNumber: null, version: 1 }, 'xlsx', '2020年1—12月通报附件（草稿）.xlsx'],
    ['an issued one', { period: '2020-05', issueNumber: 5, version: 1 }, 'pdf', '2020年1—5月通报（第5期）.pdf'],
    ['a correction', { period: '2020-05', issueNumber: 5, version: 2 }, 'docx', '2020年1—5月通报（第5期更正）.docx'],
    ['a second correction, named apart from the first', { period: '2020-05', issueNumber: 5, version: 3 }, 'pdf', '2020年1—5月通报（第5期更正2）.pdf'],
    ['a draft showing the number issuing would give', { period: '2020-05', issueNumber: 5, version: 1, draft: {} }, 'pdf', '2020年1—5月通报（草稿）.pdf'],
    ['a draft of a correction', { period: '2020-05', city: changsha, issueNumber: 5, version: 2, draft: {} }, 'pdf', '2020年1—5月通报·长沙市摘编（草稿）.pdf'],
  ] as const)('%s', (_, bulletin, format, name) => {
    expect(bulletinFileName(bulletin, format as BulletinFileFormat)).toBe(name);
  });
});

describe('an issued bulletin’s numbers', () => {
  test.each([
    ['the year’s first', null, undefined, 1],
    ['the year’s first from a start number', null, 5, 5],
    ['one above the year’s highest', 4, undefined, 5],
    ['one above the highest, whatever the start', 7, 3, 8],
  ] as const)('%s', (_, highest, start, next) => {
    expect(nextIssueNumber(highest, start)).toBe(next);
  });

  test.each([
    ['2020-06-05', 5, undefined, '湘人社函〔2020〕5号'],
    ['2026-11-26', 12, '湘人社职函〔{year}〕{number}号', '湘人社职函〔2026〕12号'],
  ] as const)('%s 第%i期 → %s', (date, number, pattern, expected) => {
    expect(bulletinDocumentNumber(date, number, pattern)).toBe(expected);
  });

  test.each([
    ['the year’s first, numbered in the year of issue', null, null, '2026-11-26', { issueNumber: 1, documentNumber: '湘人社函〔2026〕1号', version: 1 }],
    ['the next of the year, whichever month', null, 4, '2021-01-05', { issueNumber: 5, documentNumber: '湘人社函〔2021〕5号', version: 1 }],
    ['a month issued: its correction keeps 第N期 and 文号', { issueNumber: 3, version: 1, documentNumber: '湘人社函〔2020〕3号' }, 7, '2021-02-01', { issueNumber: 3, documentNumber: '湘人社函〔2020〕3号', version: 2 }],
    ['a second correction', { issueNumber: 3, version: 2, documentNumber: '湘人社函〔2020〕3号' }, 7, '2021-02-01', { issueNumber: 3, documentNumber: '湘人社函〔2020〕3号', version: 3 }],
    ['an issue stored without a 文号', { issueNumber: 3, version: 1, documentNumber: null }, 3, '2021-02-01', { issueNumber: 3, documentNumber: '湘人社函〔2021〕3号', version: 2 }],
  ] as const)('issuing now: %s', (_, latest, highest, date, expected) => {
    expect(comingNumbering(latest, highest, date)).toEqual(expected);
  });

  test('issuing a month twice is refused in words that say when and which issue', () => {
    expect(alreadyIssuedMessage('2020-05', 5, '2026-11-26')).toBe('2020年1—5月的通报已于2026年11月26日印发（第5期），如需修改请发布更正');
  });
});
