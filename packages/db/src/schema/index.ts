/** Every table: the regions, the data of training and funds, accounts with their audit log, settings, supervision and bulletins. */
export * from './regions.ts';
export * from './data.ts';
export * from './access.ts';
export * from './settings.ts';
export * from './supervision.ts';
export * from './bulletins.ts';
export * from './imports.ts';
