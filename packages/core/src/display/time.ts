/** The province works in Beijing time (no daylight saving); the database keeps UTC instants. */
const BEIJING = 'Asia/Shanghai';

const clock = new Intl.DateTimeFormat('en-CA', {
  timeZone: BEIJING,
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: BEIJING, timeZoneName: 'longOffset' });

/** A stored UTC instant as Beijing time: "2026-11-25T22:30:01Z" → "2026-11-26 06:30:01". */
export function formatBeijingTime(iso: string): string {
  const parts = Object.fromEntries(clock.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Whether "YYYY-MM-DD" names a day of the calendar (2026-02-30 does not). */
export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Milliseconds Beijing is ahead of UTC at an instant, read from the time-zone database. */
function beijingOffset(at: number): number {
  const name = offsetFormat.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

/** The first and last instants (UTC ISO, as stored) of a day of the Beijing calendar. */
export function beijingDayBounds(date: string): { from: string; to: string } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnight = (d: number) => {
    const utc = Date.UTC(year, month - 1, d);
    return utc - beijingOffset(utc);
  };
  return { from: new Date(midnight(day)).toISOString(), to: new Date(midnight(day + 1) - 1).toISOString() };
}

/** A stored UTC instant as a Chinese date and Beijing time: "2026-11-25T22:30:01Z" → "2026年11月26日 06:30". */
export function formatBeijingDateTime(iso: string): string {
  const [date, time] = formatBeijingTime(iso).split(' ') as [string, string];
  return `${formatChineseDate(date)} ${time.slice(0, 5)}`;
}

/** A calendar date as documents write it: "2020-07-28" → "2020年7月28日". */
export function formatChineseDate(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The day of the Beijing calendar an instant falls on: 2026-11-26T16:00:00Z → "2026-11-27". */
export function beijingDate(instant: Date): string {
  return formatBeijingTime(instant.toISOString()).slice(0, 10);
}

/** A day `days` after a calendar day: ("2020-07-28", 10) → "2020-08-07". */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The same day `years` later, 29 February becoming the 28th in a common year: ("2024-02-29", 1) → "2025-02-28". */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const later = new Date(Date.UTC(year + years, month - 1, day));
  // Past the month's end (29 Feb in a common year) the day rolls over: step back to the month's last day.
  if (later.getUTCDate() !== day) later.setUTCDate(0);
  return later.toISOString().slice(0, 10);
}
