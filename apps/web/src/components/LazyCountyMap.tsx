import { lazy, Suspense, type ComponentProps } from 'react';
import { ErrorBoundary } from './ErrorBoundary.tsx';

const CountyMap = lazy(() => import('./CountyMap.tsx'));

export function LazyCountyMap(props: ComponentProps<typeof CountyMap>) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<p className="loading" role="status" style={{ height: props.height }}>正在加载地图…</p>}>
        <CountyMap {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
