import { Link } from 'wouter';
import { useAccess } from '../auth/signed-in.ts';
import { useFreshnessQuery } from '../hooks/use-freshness-query.ts';
import { withPeriod } from '../hooks/use-period.ts';
import { missingBanner, missingCounties } from '../import-report.ts';

/**
 * Where data is read: the counties whose month has not arrived, so a missing submission is never read as zero
 * progress. The province sees how many (with the list on /imports); a city its own counties by name. Silent when
 * everything has arrived, and when the freshness cannot be had (the page's figures say the rest).
 */
export function MissingDataBanner({ period, city }: { period: string; city?: string }) {
  const access = useAccess();
  const freshness = useFreshnessQuery(period).data;
  if (!freshness) return null;
  const names = city ? missingCounties(freshness, city) : null;
  const text = missingBanner(names ? names.length : freshness.missing);
  if (!text) return null;
  return (
    <p className="missing-data" role="status">
      {text}{names && `：${names.join('、')}`}，其数字不代表进展为零。
      {access.can('write:data', access.user.regionCode) && <Link href={withPeriod('/imports', period)}>查看报送情况</Link>}
    </p>
  );
}
