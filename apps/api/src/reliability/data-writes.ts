/**
 * Writes of data for the crash and two-process scenarios: reallocation rounds and imports (a dry run, then the
 * apply), the heaviest writes the product makes, each recorded in the ledger when answered 2xx.
 */
import { makeXlsx } from '../imports/testing.ts';
import { call, callRaw } from './http.ts';
import { BOUNDARY, multipart } from './requests.ts';
import type { Session } from './sessions.ts';

export interface DataLedger {
  /** reallocation rounds answered 201: their document numbers */
  rounds: string[];
  /** imports applied (201): their attempt ids */
  imports: number[];
  statuses: Record<string, number>;
  problems: string[];
  /** writes begun, answered or not: numbers each one (a document number is never sent twice) */
  begun: number;
}

export const newDataLedger = (): DataLedger => ({ rounds: [], imports: [], statuses: {}, problems: [], begun: 0 });

const BUSY = /SQLITE_BUSY|database is locked/i;

function record(ledger: DataLedger, what: string, status: number, text: string): void {
  const cls = `${Math.floor(status / 100)}xx`;
  ledger.statuses[cls] = (ledger.statuses[cls] ?? 0) + 1;
  if (status >= 500 || BUSY.test(text)) ledger.problems.push(`${what}: ${status} ${text.slice(0, 200)}`);
}

/**
 * A reallocation round moving 1,000 元 between two of 长沙's counties, one way for odd `n` and back for even, so
 * that neither runs short however many are recorded; `series` keeps document numbers apart between scenarios.
 */
export async function recordRound(base: string, admin: Session, ledger: DataLedger, n: number, series = ''): Promise<void> {
  const documentNumber = `湘人社可靠性${series}〔2020〕${n}号`;
  const sign = n % 2 === 1 ? 1 : -1;
  const body = { date: '2020-07-28', documentNumber, note: '可靠性测试', lines: [{ regionCode: '430182', amount: 1000 * sign }, { regionCode: '430102', amount: -1000 * sign }] };
  const answer = await call(base, 'POST', '/api/reallocations', { cookie: admin.cookie, csrf: admin.csrf, body });
  record(ledger, 'POST /api/reallocations', answer.status, answer.text);
  if (answer.status === 201) ledger.rounds.push(documentNumber);
  else if (answer.status < 500) ledger.problems.push(`POST /api/reallocations refused: ${answer.status} ${answer.text.slice(0, 200)}`);
}

function upload(base: string, session: Session, query: string, bytes: Uint8Array) {
  const body = multipart([{ name: 'file', filename: 'targets-2021.xlsx', type: 'application/octet-stream', content: Buffer.from(bytes) }]);
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: base, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
  return callRaw(base, { method: 'POST', path: `/api/imports?${query}`, headers, body }, 60_000);
}

/** A 2021 target for 宁乡 imported: first a dry run, then the apply. */
export async function importTargets(base: string, admin: Session, ledger: DataLedger, n: number): Promise<void> {
  const bytes = await makeXlsx({ 目标任务: [['县市区代码', '年度', '目标任务（人）'], ['430182', 2021, 1000 + n]] });
  const dry = await upload(base, admin, 'kind=targets&dryRun=1', bytes);
  record(ledger, 'POST /api/imports?dryRun=1', dry.status, dry.text);
  const applied = await upload(base, admin, 'kind=targets', bytes);
  record(ledger, 'POST /api/imports', applied.status, applied.text);
  if (applied.status === 201) ledger.imports.push((JSON.parse(applied.text) as { id: number }).id);
  else if (applied.status < 500) ledger.problems.push(`POST /api/imports refused: ${applied.status} ${applied.text.slice(0, 200)}`);
}

/** What of the acknowledged data writes the server at `base` does not list. */
export async function missingDataWrites(base: string, admin: Session, ledger: DataLedger): Promise<string[]> {
  const problems: string[] = [];
  const rounds = await call<{ rounds: { documentNumber: string }[] }>(base, 'GET', '/api/reallocations', { cookie: admin.cookie });
  const numbers = new Set(rounds.body.rounds.map((r) => r.documentNumber));
  for (const n of ledger.rounds) if (!numbers.has(n)) problems.push(`reallocation round ${n} answered 201 is missing`);
  const imports = await call<{ imports: { id: number; status: string }[] }>(base, 'GET', '/api/imports', { cookie: admin.cookie });
  const applied = new Set(imports.body.imports.filter((i) => i.status === 'applied').map((i) => i.id));
  for (const id of ledger.imports) if (!applied.has(id)) problems.push(`import ${id} answered 201 is missing`);
  return problems;
}
