import { CALIBRATION } from './catalogue.ts';
import type { DemoClass } from './generate-classes.ts';

/** Moves `total` of the classes' values by ±1 steps, round-robin, within each class's bounds. */
function nudge(classes: DemoClass[], diff: number, canMove: (c: DemoClass, step: number) => boolean, move: (c: DemoClass, step: number) => void) {
  const step = Math.sign(diff);
  let left = Math.abs(diff);
  while (left > 0) {
    let moved = false;
    for (const c of classes) {
      if (left === 0) break;
      if (canMove(c, step)) {
        move(c, step);
        left -= 1;
        moved = true;
      }
    }
    if (!moved) throw new Error('demo calibration cannot reach its total');
  }
}

/** Subsidised people over the year's finished classes come out at exactly `total`. */
export function calibrateSubsidised(classes: DemoClass[], total: number): void {
  const current = classes.reduce((sum, c) => sum + c.subsidised, 0);
  nudge(
    classes,
    total - current,
    (c, step) => c.subsidised + step >= 0 && c.subsidised + step <= c.completed,
    (c, step) => {
      c.subsidised += step;
    },
  );
}

function fundsOf(classes: readonly DemoClass[]): number {
  return classes.reduce((sum, c) => sum + c.subsidised * c.subsidyStandard, 0);
}

/**
 * Standards scaled so that the year's funds (subsidised × standard) reach `total` within one class's worth of
 * people, every standard staying inside 825–4,350 yuan.
 */
export function calibrateStandards(classes: DemoClass[], total: number): void {
  for (let i = 0; i < 8; i++) {
    const factor = total / fundsOf(classes);
    for (const c of classes) {
      c.subsidyStandard = Math.min(CALIBRATION.maxStandard, Math.max(CALIBRATION.minStandard, Math.round(c.subsidyStandard * factor)));
    }
  }
  let diff = total - fundsOf(classes);
  for (const c of classes) {
    if (c.subsidised === 0) continue;
    const delta = Math.trunc(diff / c.subsidised);
    const next = Math.min(CALIBRATION.maxStandard, Math.max(CALIBRATION.minStandard, c.subsidyStandard + delta));
    diff -= (next - c.subsidyStandard) * c.subsidised;
    c.subsidyStandard = next;
    if (Math.abs(diff) < c.subsidised) break;
  }
}
