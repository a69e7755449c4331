import { formatChineseDate, formatMoney, isPeriod, parsePeriod, periodWindow, type ReallocationRound } from '@dispatch/core';
import { useEffect, useRef, useState } from 'react';
import { roundTotals, wanToYuan } from '../funds-table.ts';
import { useRecordRoundMutation } from '../hooks/use-record-round-mutation.ts';

export interface DraftLine {
  regionCode: string;
  regionName: string;
  parentName: string;
  /** 万元 as typed */
  amountText: string;
  reason: string;
}

interface Props {
  period: string;
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  onRecorded: (round: ReallocationRound) => void;
  /** the last line was removed: the draft is gone, and focus goes back to where a new one is asked for */
  onEmptied: () => void;
}

/** The suggestion as the official adjusts it: amounts edited or lines dropped, the running sums, then date, 文号 and a confirmation. */
export function RoundDraft({ period, lines, onChange, onRecorded, onEmptied }: Props) {
  // By default the round is dated the last day of the month its numbers come from, so it counts from that month.
  const [date, setDate] = useState(() => (isPeriod(period) ? periodWindow(parsePeriod(period)).to : ''));
  const [documentNumber, setDocumentNumber] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const record = useRecordRoundMutation();
  const table = useRef<HTMLTableElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the lines or the confirmation have re-rendered: a line's amount, or 登记调剂….
  const [focusNext, setFocusNext] = useState<{ line: string } | 'ask' | null>(null);
  useEffect(() => {
    if (focusNext === 'ask') askButton.current?.focus();
    else if (focusNext) table.current?.querySelector<HTMLInputElement>(`input[data-region="${focusNext.line}"]`)?.focus();
    setFocusNext(null);
  }, [focusNext]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  /** 移除: focus moves to the next line's amount (the previous one's for the last line); with none left, the draft closes. */
  const remove = (i: number) => {
    const next = lines[i + 1] ?? lines[i - 1];
    if (!next) return onEmptied();
    onChange(lines.filter((_, j) => j !== i));
    setFocusNext({ line: next.regionCode });
  };
  const cancelConfirm = () => {
    setConfirming(false);
    setFocusNext('ask');
  };
  const amounts = lines.map((l) => wanToYuan(l.amountText));
  const valid = amounts.every((a) => a !== null && a !== 0);
  const totals = roundTotals(amounts.map((a) => a ?? 0));
  const ready = valid && lines.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(date) && documentNumber.trim() !== '';
  const update = (i: number, amountText: string) => onChange(lines.map((l, j) => (j === i ? { ...l, amountText } : l)));
  const submit = () =>
    record.mutate(
      { date, documentNumber: documentNumber.trim(), ...(note.trim() ? { note: note.trim() } : {}), lines: lines.map((l, i) => ({ regionCode: l.regionCode, amount: amounts[i]! })) },
      { onSuccess: onRecorded },
    );
  return (
    <div className="round-draft">
      <div className="table-wrap">
        <table className="data-table draft-lines" ref={table}>
          <thead>
            <tr><th scope="col">地区</th><th scope="col" className="num">金额（万元）<br /><small className="muted">正数调入、负数调出</small></th><th scope="col">说明</th><th scope="col"><span className="visually-hidden">操作</span></th></tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              <tr key={line.regionCode}>
                <th scope="row">{line.regionName}<div className="muted small">{line.parentName}</div></th>
                <td className="num amount-cell">
                  <input className="amount" inputMode="decimal" value={line.amountText} onChange={(e) => update(i, e.target.value)} data-region={line.regionCode}
                    aria-label={`${line.regionName}调剂金额（万元）`} aria-invalid={amounts[i] === null || amounts[i] === 0} />
                </td>
                <td className="wrap reason">{line.reason}</td>
                <td className="remove-cell"><button type="button" className="link-button" onClick={() => remove(i)} aria-label={`移除${line.regionName}`}>移除</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="draft-sums" role="status">
        调入合计 {formatMoney(totals.received)}，调出合计 {formatMoney(totals.given)}，
        {totals.net === 0 ? '收支平衡' : totals.net > 0 ? `差额 ${formatMoney(totals.net)} 由省级资金池拨付` : `差额 ${formatMoney(-totals.net)} 收回省级资金池`}
        {!valid && <span className="error">；有金额不是非零数字</span>}
      </p>
      <div className="toolbar record-form">
        <label>调剂日期<input type="date" value={date} onChange={(e) => setDate(e.target.value)} min={`${period.slice(0, 4)}-01-01`} max={`${period.slice(0, 4)}-12-31`} /></label>
        <label>文号<input value={documentNumber} onChange={(e) => setDocumentNumber(e.target.value)} maxLength={50} placeholder="湘人社函〔2020〕88号" /></label>
        <label>备注<input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} /></label>
        {!confirming && <button type="button" className="primary" disabled={!ready} onClick={() => setConfirming(true)} ref={askButton}>登记调剂…</button>}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label="确认登记" onKeyDown={(e) => { if (e.key === 'Escape') cancelConfirm(); }}>
          <p>
            {`将登记 ${lines.length} 个地区的调剂（${documentNumber.trim()}），调入 ${formatMoney(totals.received)}、调出 ${formatMoney(totals.given)}，`}
            {`自 ${formatChineseDate(date)} 所在月份起计入预算。确认登记？`}
          </p>
          <button type="button" className="primary" onClick={submit} disabled={record.isPending} ref={confirmButton}>确认登记</button>
          <button type="button" className="link-button" onClick={cancelConfirm}>返回修改</button>
        </div>
      )}
      {record.isError && <p className="error" role="alert">{record.error.message}</p>}
    </div>
  );
}
