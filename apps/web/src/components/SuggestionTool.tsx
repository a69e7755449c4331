import type { ReallocationRound } from '@dispatch/core';
import { useRef, useState } from 'react';
import { useSuggestionMutation } from '../hooks/use-suggestion-mutation.ts';
import { wanToYuan, yuanToWan } from '../funds-table.ts';
import { RoundDraft, type DraftLine } from './RoundDraft.tsx';

/** 调剂建议: the total to move and whether within a city first; the suggestion's lines become a draft to adjust and record. */
export function SuggestionTool({ period, cityNames }: { period: string; cityNames: ReadonlyMap<string, string> }) {
  const [totalText, setTotalText] = useState('1000');
  const [withinCity, setWithinCity] = useState(true);
  const [draft, setDraft] = useState<DraftLine[] | null>(null);
  // once an amount is changed or a line dropped, the lines' reasons describe the suggestion, not the draft
  const [adjusted, setAdjusted] = useState(false);
  const [recorded, setRecorded] = useState<ReallocationRound | null>(null);
  const suggest = useSuggestionMutation();
  const askButton = useRef<HTMLButtonElement>(null);
  const total = wanToYuan(totalText);
  const problem = total === null || total < 10_000 ? '调剂总额应为不少于 1 的数字（万元）' : null;
  return (
    <>
      <form
        className="toolbar suggestion-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (total === null || problem) return;
          setRecorded(null);
          suggest.mutate(
            { period, total, withinCity },
            { onSuccess: (answer) => { setAdjusted(false); setDraft(answer.lines.map((l) => ({ ...l, parentName: l.parentCode ? (cityNames.get(l.parentCode) ?? '') : '', amountText: yuanToWan(l.amount) }))); } },
          );
        }}
      >
        <label>
          调剂总额（万元）
          <input className="amount" inputMode="decimal" value={totalText} onChange={(e) => setTotalText(e.target.value)} aria-invalid={problem !== null} />
        </label>
        <label>
          <input type="checkbox" checked={withinCity} onChange={(e) => setWithinCity(e.target.checked)} />
          优先市内调剂
        </label>
        <button type="submit" className="primary" disabled={suggest.isPending || problem !== null} ref={askButton}>生成建议</button>
        {problem && totalText !== '' && <span className="error small">{problem}</span>}
      </form>
      <p className="muted small">
        缺口地区按缺口从大到小受援，调入额为缺口向上取整到整万元，足额受援后不再有缺口；调出地区为结余超出完成剩余目标预计需求、且资金执行率低于时序进度的县市区，按可调出资金向下取整到整万元调出，调出后不低于其预计需求。
      </p>
      {suggest.isError && <p className="error" role="alert">{suggest.error.message}</p>}
      {draft && draft.length === 0 && <p className="notice" role="status">按本月数据没有可匹配的缺口地区与调出地区，无调剂建议。</p>}
      {draft && draft.length > 0 && adjusted && (
        <p className="notice small" role="status">建议已调整：各行说明按原建议写成，金额以下表为准；调入与调出的差额由省级资金池承担或收回。</p>
      )}
      {draft && draft.length > 0 && <RoundDraft period={period} lines={draft} onChange={(lines) => { setDraft(lines); setAdjusted(true); }} onRecorded={(round) => { setDraft(null); setRecorded(round); }}
        onEmptied={() => { setDraft(null); askButton.current?.focus(); }} />}
      {recorded && <p className="success" role="status">已登记第 {recorded.round} 轮（{recorded.documentNumber}），各项指标已按新预算更新，见下方调剂轮次。</p>}
    </>
  );
}
