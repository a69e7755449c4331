import { regionPath, type Region } from '@dispatch/core';
import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';
import { Status } from './Status.tsx';
import { UnknownRegion } from './UnknownRegion.tsx';

/**
 * A page for one region, reached by its code in the address. An unknown code gets one clear page; a known code on
 * the wrong page opens the right one (the province on the overview, a county's detail instead of a city view).
 */
export function RegionGate({ code, accepts, children }: {
  code: string;
  /** the levels this page shows */
  accepts: readonly Region['level'][];
  children: (region: Region) => ReactNode;
}) {
  const { period } = usePeriod();
  const regions = useRegionsQuery();
  if (!regions.data) return <main className="page"><Status query={regions} /></main>;
  const region = regions.data.find((r) => r.code === code);
  if (!region) return <UnknownRegion code={code} />;
  if (!accepts.includes(region.level)) return <Redirect to={withPeriod(regionPath(region.code), period)} replace />;
  return <>{children(region)}</>;
}
