export * from './account.ts';
export * from './audit.ts';
export * from './class-list.ts';
export * from './envelope.ts';
export * from './metric-row.ts';
export * from './period.ts';
export * from './region.ts';
export * from './ranking-export.ts';
