import type { BulletinChart } from '@dispatch/core';
import { useMemo } from 'react';
import { buildBulletinChartOptions, bulletinChartHeight } from '../../charts/bulletin-chart-options.ts';
import { EChart } from '../EChart.tsx';

/** The bulletin's chart: its title above, the completion bars with the time line drawn by the app's ECharts. */
export function BulletinChartView({ chart }: { chart: BulletinChart }) {
  const option = useMemo(() => buildBulletinChartOptions(chart), [chart]);
  return (
    <figure className="bulletin-chart">
      <figcaption className="bulletin-table-title">{chart.title}</figcaption>
      <EChart option={option} height={bulletinChartHeight(chart)} label={`${chart.title}：完成比例与时序进度（${chart.timeLine}%）`} />
    </figure>
  );
}
