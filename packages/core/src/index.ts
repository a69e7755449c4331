export * from './regions.ts';
export * from './period.ts';
export * from './metrics.ts';
export * from './ranking.ts';
export * from './ranking-columns.ts';
export * from './gaps.ts';
export * from './class-list.ts';
export * from './access.ts';
