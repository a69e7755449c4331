import type { BulletinEditable } from '../contract/bulletin.ts';
import { formatChineseDate } from '../display/time.ts';
import { formatPeriodLabel, periodLabel, type Period } from '../metrics/period.ts';

/** The document's settings: who issues it, to whom, its numbers and its date. */
export interface BulletinSettings {
  /** 第N期; null until the bulletin is issued and numbered */
  issueNumber: number | null;
  /** 湘人社函〔2020〕12号; null until set */
  documentNumber: string | null;
  /** 'YYYY-MM-DD' */
  date: string;
  issuer: string;
  addressees: string;
}

export const BULLETIN_DEFAULTS = {
  issuer: '湖南省人力资源和社会保障厅',
  addressees: '各市州人力资源和社会保障局',
  /** how many regions the top and bottom lists name */
  listedCities: 3,
  listedCounties: 10,
  /** how many of the counties behind the time line the text names (all of them are in the attachment) */
  namedBehindCounties: 10,
} as const;

/**
 * A date for a document built without one (core's tests, fixtures): the 5th of the month after the period (the 1—5月
 * bulletin dated 2020年6月5日). The server's draft is dated today instead, as issuing it now would date it.
 */
export function defaultBulletinDate({ year, month }: Period): string {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return `${next.year}-${String(next.month).padStart(2, '0')}-05`;
}

/** A document's settings: the defaults, not numbered, dated by `defaultBulletinDate` unless given. */
export function bulletinSettings(period: Period, overrides: Partial<BulletinSettings> = {}): BulletinSettings {
  return {
    issueNumber: null, documentNumber: null, date: defaultBulletinDate(period),
    issuer: BULLETIN_DEFAULTS.issuer, addressees: BULLETIN_DEFAULTS.addressees, ...overrides,
  };
}

/** 关于2020年1—5月全省职业技能提升行动工作进展情况的通报 */
export function bulletinTitle(period: Period): string {
  return `关于${periodLabel(period)}全省职业技能提升行动工作进展情况的通报`;
}

/** The staff-written parts by the headings they sit under. */
export const BULLETIN_EDITABLE_LABELS: Readonly<Record<BulletinEditable, string>> = { problems: '存在问题', requirements: '下一步工作要求' };

export type BulletinFileFormat = 'pdf' | 'docx' | 'xlsx';

/**
 * The file's name: 「2020年1—5月通报（草稿）.pdf」, a city's extract 「2020年1—5月通报·长沙市摘编（草稿）.pdf」, an issued one
 * 「2020年1—5月通报（第5期）.pdf」 or 「（第5期更正）」; the Excel file holds the attachments 「…通报附件（草稿）.xlsx」.
 * A draft (it carries `draft`, or no number) is 「草稿」 even when it shows the number issuing it now would give.
 */
export function bulletinFileName(
  bulletin: { period: string; city?: { name: string }; issueNumber: number | null; version: number; draft?: unknown },
  format: BulletinFileFormat,
): string {
  const draft = bulletin.issueNumber === null || bulletin.draft !== undefined;
  // a second correction of the same issue is named apart from the first (第1期更正 · 第1期更正2)
  const correction = bulletin.version > 2 ? `更正${bulletin.version - 1}` : bulletin.version > 1 ? '更正' : '';
  const state = draft ? '草稿' : `第${bulletin.issueNumber}期${correction}`;
  const extract = bulletin.city ? `·${bulletin.city.name}摘编` : '';
  return `${formatPeriodLabel(bulletin.period)}通报${extract}${format === 'xlsx' ? '附件' : ''}（${state}）.${format}`;
}

/** How an issued bulletin is numbered: the first 第N期 of a year when none is issued yet, the document number's pattern. */
export const BULLETIN_NUMBERING = {
  firstIssueNumber: 1,
  /** {year}: the year of issue; {number}: the issue number */
  documentNumberPattern: '湘人社函〔{year}〕{number}号',
} as const;

/**
 * The next 第N期: one above the highest issued for the period's year; the year's first is the configured start
 * number (or 1). So 第N期 counts the year's bulletins in the order they are issued (issuing 1—5月 before 1—4月 makes
 * 1—5月 第1期), not the month; the 文号's year is the year of issue (`bulletinDocumentNumber`), not the period's.
 */
export function nextIssueNumber(highestOfYear: number | null, firstIssueNumber: number = BULLETIN_NUMBERING.firstIssueNumber): number {
  return highestOfYear === null ? firstIssueNumber : highestOfYear + 1;
}

/** What a month's latest issued version is numbered, as the numbering of the next one needs it. */
export interface LatestIssue {
  issueNumber: number;
  version: number;
  documentNumber: string | null;
}

/** 第N期, 文号 and version of a bulletin issued on `date`. */
export interface BulletinNumbering {
  issueNumber: number;
  documentNumber: string;
  version: number;
}

/**
 * What issuing a month on `date` ('YYYY-MM-DD', Beijing) gives: the year's next 第N期 with a 文号 of the year of issue,
 * version 1; or, once the month is issued, its correction: the same 第N期 and 文号, the latest version + 1. The draft
 * shows this numbering, and issuing (or correcting) assigns it.
 */
export function comingNumbering(latest: LatestIssue | null, highestOfYear: number | null, date: string): BulletinNumbering {
  if (latest) return { issueNumber: latest.issueNumber, documentNumber: latest.documentNumber ?? bulletinDocumentNumber(date, latest.issueNumber), version: latest.version + 1 };
  const issueNumber = nextIssueNumber(highestOfYear);
  return { issueNumber, documentNumber: bulletinDocumentNumber(date, issueNumber), version: 1 };
}

/** 湘人社函〔2020〕5号: the pattern with the year of issue ('YYYY-MM-DD') and the issue number. */
export function bulletinDocumentNumber(date: string, issueNumber: number, pattern: string = BULLETIN_NUMBERING.documentNumberPattern): string {
  return pattern.replaceAll('{year}', date.slice(0, 4)).replaceAll('{number}', String(issueNumber));
}

/** 「2020年1—5月的通报已于2026年11月26日印发（第5期），如需修改请发布更正」 */
export function alreadyIssuedMessage(period: string, issueNumber: number, issuedOn: string): string {
  return `${formatPeriodLabel(period)}的通报已于${formatChineseDate(issuedOn)}印发（第${issueNumber}期），如需修改请发布更正`;
}

/**
 * The line under the title: 「第5期　湘人社函〔2026〕5号」, a correction 「第5期（更正）　…」; a draft shows the numbers issuing
 * now would give, marked 「（草稿）」 (or only 「（草稿）」 when it has none).
 */
export function bulletinNumberLine(bulletin: { issueNumber: number | null; documentNumber: string | null; version: number; draft?: unknown }): string {
  const issue = bulletin.issueNumber ? `第${bulletin.issueNumber}期${bulletin.version > 1 ? '（更正）' : ''}` : '';
  const number = `${bulletin.documentNumber ?? ''}${bulletin.draft || !bulletin.documentNumber ? '（草稿）' : ''}`;
  return [issue, number].filter(Boolean).join('　');
}
