import { expect, test } from 'vitest';
import { stalled } from './stalled.ts';
import { contextOf } from './test-context.ts';

const region = (classesOpened: number, lag: number) => ({
  code: '430102', completionRatio: 0.3, lag, month: { classesOpened, classesFinished: 0, trainees: 0, fundsAudited: 0 },
});

test.each([
  [0, -0.05, 'yellow'],
  [0, -0.15, 'red'],
  [0, 0.02, null], // ahead of the time line: a quiet month is no alarm
  [0, -0.0004, null], // shows 0.0
  [3, -0.15, null], // it opened classes
] as const)('%i classes opened, lag %d → %s', (classesOpened, lag, severity) => {
  const alerts = stalled(contextOf([[region(classesOpened, lag)]]));
  expect(alerts.map((a) => a.severity)).toEqual(severity ? [severity] : []);
});

test('says that nothing opened and how far behind', () => {
  expect(stalled(contextOf([[region(0, -0.15)]]))[0]!.message).toBe('本月未开班，落后时序进度 15.0 个百分点');
});
