import { RULE_LABELS, type AlertSummary } from '@dispatch/core';
import { Link } from 'wouter';
import { withPeriod } from '../hooks/use-period.ts';
import { DataTable } from './DataTable.tsx';

const LEVELS = { city: '市州', county: '县市区' } as const;

/** The month's alerts counted per rule, red and yellow, for cities and counties; each count opens the list. */
export function AlertCounts({ summary }: { summary: AlertSummary }) {
  const link = (level: string, rule: string, severity: string) => withPeriod(`/alerts?level=${level}&rule=${rule}&severity=${severity}`, summary.period);
  const rules = [...new Set(summary.counts.map((c) => c.rule))];
  const head = (
    <tr>
      <th scope="col">规则</th>
      {(['city', 'county'] as const).map((level) => (
        <th key={level} scope="col" colSpan={2}>{LEVELS[level]}</th>
      ))}
    </tr>
  );
  return (
    <>
      <DataTable className="alert-counts" head={head}>
        {rules.map((rule) => (
          <tr key={rule}>
            <th scope="row">{RULE_LABELS[rule]}</th>
            {(['city', 'county'] as const).flatMap((level) => {
              const count = summary.counts.find((c) => c.level === level && c.rule === rule)!;
              return (['red', 'yellow'] as const).map((severity) => (
                <td key={`${level}-${severity}`} className={`num alert-${severity}`}>
                  {count[severity] > 0 ? <Link href={link(level, rule, severity)}>{count[severity]}</Link> : <span className="muted">0</span>}
                </td>
              ));
            })}
          </tr>
        ))}
      </DataTable>
      <p className="table-note">每格为红色 / 黄色预警的地区数，点击查看名单。</p>
    </>
  );
}
