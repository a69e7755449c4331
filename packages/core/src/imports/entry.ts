/*
 * `@dispatch/core/imports`: what reading and checking a file needs, without zod or the rest of core — the import
 * worker loads only this (the whole of core took ~430 ms of the worker's start, zod ~220 of it; this ~50).
 */
export * from './index.ts';
export * from './kinds.ts';
