import { usePeriod } from '../hooks/use-period.ts';

/** The demo's mark, for a month whose year holds only the generated demo data (not once real data of a year arrive). */
export function DemoBanner({ demoYears }: { demoYears: readonly number[] }) {
  const { parsed } = usePeriod();
  if (!demoYears.includes(parsed.year)) return null;
  return (
    <div className="demo-banner" role="note">
      演示数据：按 2020 年湖南省公开数据校准生成，各地数字并非真实统计。
    </div>
  );
}
