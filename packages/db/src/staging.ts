/*
 * The classes' staging for a thread without a database client (the import's worker, apps/api): pure functions
 * and types only, so that importing it loads neither libSQL nor Drizzle.
 */
export { ClassStager, type ClassStream, type KnownReferences, type StagedChunk, type StagedClass, type StagedClassesSummary } from './write-path/class-staging.ts';
