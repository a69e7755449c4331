export * from './cell-values.ts';
export * from './columns.ts';
export * from './headers.ts';
export * from './problems.ts';
export * from './row-rules.ts';
export * from './validate-import.ts';
export * from './warnings.ts';
