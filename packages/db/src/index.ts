export * from './client.ts';
export * from './migrate.ts';
export * from './prepare-db.ts';
export * from './registry.ts';
export * as schema from './schema.ts';
export { generateDemoData, DEMO_SEED, type DemoData, type DemoOptions } from './demo/generate-demo.ts';
export { CALIBRATION } from './demo/catalogue.ts';
export { countClasses, isDemoData } from './queries/count-classes.ts';
export { bumpDataVersionStatement, getDataVersion } from './queries/data-version.ts';
export { getMetricRows } from './queries/get-metric-rows.ts';
export { getPeriods, type PeriodList } from './queries/get-periods.ts';
export { getRegionFigures, type FiguresQuery } from './queries/get-region-figures.ts';
export { getRegionSeries } from './queries/get-region-series.ts';
export { getRegion, getRegions } from './queries/get-regions.ts';
export { getRegionClasses, type ClassBasis, type ClassesQuery } from './queries/get-region-classes.ts';
export { loadDemoData } from './queries/load-demo-data.ts';
export { loadRegions } from './queries/load-regions.ts';
export { refreshMonthlyRollup } from './queries/refresh-monthly-rollup.ts';
export { appendAudit, appendAuditStatement, listAudit, type AuditEntry, type AuditFilter } from './queries/audit.ts';
export {
  createUser, getUserByLogin, listUsers, LoginTakenError, setPassword, toPublicUser, updateUser,
  type NewUser, type PublicUser, type UserChanges,
} from './queries/users.ts';
export { createSession, endSession, findSession, type NewSession } from './queries/sessions.ts';
