export * from './exact-round.ts';
