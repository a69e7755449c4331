import { expect, test } from 'vitest';
import { consistentChange, readAlertFilters } from './alert-filters.ts';

test.each([
  ['level=county&city=430500&severity=red', { level: 'county', city: '430500', rule: undefined, severity: 'red' }],
  ['level=city', { level: 'city', city: undefined, rule: undefined, severity: undefined }],
  // The API refuses cities-only inside a city; the city wins.
  ['level=city&city=430500', { level: undefined, city: '430500', rule: undefined, severity: undefined }],
  ['level=village&city=4305&rule=late', { level: undefined, city: undefined, rule: undefined, severity: undefined }],
])('?%s reads as %j', (search, filters) => {
  expect(readAlertFilters(new URLSearchParams(search))).toEqual(filters);
});

test.each([
  [{ city: '430500' }, { level: 'city' }, { level: 'city', city: null }],
  [{ level: 'city' as const }, { city: '430500' }, { city: '430500', level: null }],
  [{ level: 'county' as const }, { city: '430500' }, { city: '430500' }],
  [{}, { level: 'city' }, { level: 'city' }],
  [{ city: '430500' }, { severity: 'red' }, { severity: 'red' }],
])('from %j, choosing %j changes %j', (current, change, result) => {
  expect(consistentChange(current, change)).toEqual(result);
});
