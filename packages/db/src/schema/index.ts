/** Every table, in three parts: the regions, the data of training and funds, and accounts with their audit log. */
export * from './regions.ts';
export * from './data.ts';
export * from './access.ts';
export * from './settings.ts';
