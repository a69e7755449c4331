import { Link } from 'wouter';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';

/** An address naming no region of the province: one clear page and the ways on. */
export function UnknownRegion({ code }: { code: string }) {
  const { period } = usePeriod();
  return (
    <main className="page">
      <h1>没有这个地区</h1>
      <p className="notice" role="status">
        地址中的地区代码“{code}”不是湖南省的省、市州或县市区代码（如 430100 长沙市、430182 宁乡市）。
      </p>
      <p>
        <Link href={withPeriod('/', period)}>返回总览</Link> · <Link href={withPeriod('/rankings', period)}>查看市州排名</Link> ·{' '}
        <Link href={withPeriod('/rankings?level=county', period)}>查看县市区排名</Link>
      </p>
    </main>
  );
}
