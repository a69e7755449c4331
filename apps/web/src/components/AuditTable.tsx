import { auditActionLabel, describeAuditDetail, formatBeijingTime, type AuditLine } from '@dispatch/core';

export function AuditTable({ rows }: { rows: readonly AuditLine[] }) {
  return (
    <div className="table-wrap">
      <table className="ranking audit">
        <thead>
          <tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">来源地址</th><th scope="col">操作</th><th scope="col">地区</th><th scope="col">内容</th></tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-action={row.action}>
              <td className="nowrap">{formatBeijingTime(row.at)}</td>
              <td>{row.actorLogin ?? '—'}</td>
              <td>{row.address ?? '本机'}</td>
              <td className={row.action.endsWith('-failed') ? 'down' : undefined}>{auditActionLabel(row.action)}</td>
              <td>{row.regionName ?? '—'}</td>
              <td className="small">{describeAuditDetail(row.detail, row.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
