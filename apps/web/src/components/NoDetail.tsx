import { refusalMessage, type Region } from '@dispatch/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useAccess } from '../auth/signed-in.ts';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';

/** Said before asking the server (which would refuse, in the same words): why, and where this region's figures are. */
export function NoDetail({ region, children }: { region: Region; children?: ReactNode }) {
  const { period } = usePeriod();
  const { user, home } = useAccess();
  const city = region.level === 'county' ? region.parentCode : region.code;
  const message = refusalMessage({
    permission: 'read:detail',
    role: user.role,
    homeName: home?.name ?? user.regionCode,
    regionName: region.name,
    allowedAtHome: true,
  });
  return (
    <main className="page">
      <h1>{region.name}</h1>
      <p className="notice" role="status">
        {message}。
        {city && <>其名次与各项指标可在<Link href={withPeriod(`/city/${city}`, period)}>所属市州页面</Link>或<Link href={withPeriod('/rankings', period)}>排名</Link>中查看。</>}
      </p>
      {children}
    </main>
  );
}
