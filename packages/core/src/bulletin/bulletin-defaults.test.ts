import { describe, expect, test } from 'vitest';
import { bulletinFileName, type BulletinFileFormat } from './bulletin-defaults.ts';

describe('the bulletin file’s name', () => {
  const changsha = { code: '430100', name: '长沙市' };
  test.each([
    ['a draft', { period: '2020-05', issueNumber: null, version: 1 }, 'pdf', '2020年1—5月通报（草稿）.pdf'],
    ['January', { period: '2020-01', issueNumber: null, version: 1 }, 'docx', '2020年1月通报（草稿）.docx'],
    ['a city’s extract', { period: '2020-05', city: changsha, issueNumber: null, version: 1 }, 'pdf', '2020年1—5月通报·长沙市摘编（草稿）.pdf'],
    ['the attachments', { period: '2020-12', issueNumber: null, version: 1 }, 'xlsx', '2020年1—12月通报附件（草稿）.xlsx'],
    ['an issued one', { period: '2020-05', issueNumber: 5, version: 1 }, 'pdf', '2020年1—5月通报（第5期）.pdf'],
    ['a correction', { period: '2020-05', issueNumber: 5, version: 2 }, 'docx', '2020年1—5月通报（第5期更正）.docx'],
  ] as const)('%s', (_, bulletin, format, name) => {
    expect(bulletinFileName(bulletin, format as BulletinFileFormat)).toBe(name);
  });
});
