import { formatBeijingDateTime, formatChineseDate, formatMoney, formatWan, type ReallocationRound, type RevokedRound } from '@dispatch/core';
import { useState } from 'react';
import { RevokeRound } from './RevokeRound.tsx';

/**
 * The rounds, newest first, each opening to its lines; a revoked one struck through and marked 已撤销, with what the
 * revocation just left overspent (the answer's warnings) under it.
 */
export function RoundsList({ rounds, canRevoke }: { rounds: readonly ReallocationRound[]; canRevoke: boolean }) {
  const [revoked, setRevoked] = useState<RevokedRound | null>(null);
  return (
    <ul className="rounds">
      {rounds.map((round) => (
        <li key={round.round} className={round.revokedAt ? 'revoked' : undefined}>
          <details>
            <summary>
              <span className="round-title">第 {round.round} 轮 · {formatChineseDate(round.date)} · {round.documentNumber}</span>
              {round.revokedAt && <span className="tag tag-revoked">已撤销</span>}
              <span className="round-sums">{roundSummary(round)}</span>
            </summary>
            <RoundLines round={round} />
            <p className="muted small">
              {round.recordedBy ? `${round.recordedBy} 于 ${formatBeijingDateTime(round.recordedAt)} 登记` : '演示数据'}
              {round.note && round.note !== '演示数据' ? `；备注：${round.note}` : ''}
            </p>
            {round.revokedAt && (
              <p className="notice small">{round.revokedBy ?? ''} 于 {formatBeijingDateTime(round.revokedAt)} 撤销；原因：{round.revokeReason}</p>
            )}
            {revoked?.round === round.round && revoked.warnings.length > 0 && (
              <div className="revoke-warning small" role="alert">
                <p>已撤销。撤销后以下地区出现超支：</p>
                <ul>{revoked.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
              </div>
            )}
            {canRevoke && !round.revokedAt && <RevokeRound round={round.round} onRevoked={setRevoked} />}
          </details>
        </li>
      ))}
    </ul>
  );
}

/** 「调入 1.5亿元，涉及 5 个市州、54 个县市区」, with what was given back when any was. */
function roundSummary(round: ReallocationRound): string {
  const given = round.given > 0 ? `，调出 ${formatMoney(round.given)}` : '';
  const counties = round.counties > 0 ? `、${round.counties} 个县市区` : '';
  return `调入 ${formatMoney(round.received)}${given}，涉及 ${round.cities} 个市州${counties}`;
}

function RoundLines({ round }: { round: ReallocationRound }) {
  return (
    <div className="table-wrap">
      <table className="data-table round-lines">
        <thead>
          <tr><th scope="col">地区</th><th scope="col">所属市州</th><th scope="col" className="num">金额<small className="muted">（万元）</small></th></tr>
        </thead>
        <tbody>
          {round.lines.map((line) => (
            <tr key={line.regionCode}>
              <th scope="row">{line.regionName}</th>
              <td>{line.level === 'county' ? line.parentName : '（市本级）'}</td>
              <td className="num">{line.amount > 0 ? '+' : ''}{formatWan(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
