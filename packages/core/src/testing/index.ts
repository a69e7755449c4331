export * from './exact-round.ts';
export * from './metric-row.ts';
