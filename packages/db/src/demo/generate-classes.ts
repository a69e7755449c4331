import { CALIBRATION, OCCUPATIONS, TRAINING_TYPES } from './catalogue.ts';
import type { CountyPlan } from './plan-regions.ts';
import type { Random } from './random.ts';

/** A generated class before it gets its id; dates are ISO strings. */
export interface DemoClass {
  regionCode: string;
  institutionId: number;
  occupationId: number;
  trainingTypeId: number;
  openedOn: string;
  finishedOn: string | null;
  enrolled: number;
  completed: number;
  subsidised: number;
  subsidyStandard: number;
}

const DAY = 86_400_000;

export function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const typeWeights = TRAINING_TYPES.map((t) => t.weight);

function clampStandard(value: number): number {
  return Math.min(CALIBRATION.maxStandard, Math.max(CALIBRATION.minStandard, Math.round(value)));
}

interface ClassContext {
  year: number;
  random: Random;
  institutionIds: readonly number[];
}

function makeClass(ctx: ClassContext, regionCode: string, finishedOn: string, completed: number, typeIndex: number): DemoClass {
  const { random, year } = ctx;
  const type = TRAINING_TYPES[typeIndex]!;
  const occupationIndex = random.int(0, OCCUPATIONS.length - 1);
  const duration = random.int(type.days[0], type.days[1]);
  const earliest = isoDate(year, 1, 2);
  const opened = addDays(finishedOn, -duration);
  const clamped = opened < earliest ? earliest : opened;
  return {
    regionCode,
    institutionId: random.pick(ctx.institutionIds),
    occupationId: occupationIndex + 1,
    trainingTypeId: typeIndex + 1,
    // Classes of the year open in the year: the demo starts on 2 January.
    openedOn: clamped > finishedOn ? finishedOn : clamped,
    finishedOn,
    enrolled: completed + Math.round(completed * random.between(0, 0.08)),
    completed,
    subsidised: Math.round(completed * random.between(type.subsidisedShare[0], type.subsidisedShare[1])),
    subsidyStandard: clampStandard(OCCUPATIONS[occupationIndex]!.standard * random.between(0.85, 1.2)),
  };
}

/** Classes finishing in each month of the plan, their sizes adding up exactly to the planned trainees. */
export function generateCountyClasses(ctx: ClassContext, plan: CountyPlan): DemoClass[] {
  const classes: DemoClass[] = [];
  const { random, year } = ctx;
  plan.monthlyTrainees.forEach((planned, m) => {
    let remaining = planned;
    while (remaining > 0) {
      const typeIndex = random.weightedIndex(typeWeights);
      const [min, max] = TRAINING_TYPES[typeIndex]!.size;
      let size = Math.min(random.int(min, max), remaining);
      if (remaining - size < min) size = remaining;
      const finishedOn = isoDate(year, m + 1, random.int(1, daysInMonth(year, m + 1)));
      classes.push(makeClass(ctx, plan.county.code, finishedOn, size, typeIndex));
      remaining -= size;
    }
  });
  return classes;
}

/**
 * Classes opened in December that run into the next year: in progress when the next year is not generated — no
 * finish date and, as the platform records a running class, nobody completed or subsidised yet (the importer
 * refuses completions without a 结业日期). Metrics count finished classes only, so no figure depends on it.
 */
export function generateCarryOverClasses(ctx: ClassContext, plan: CountyPlan, nextYearGenerated: boolean): DemoClass[] {
  const { random, year } = ctx;
  const count = Math.max(1, Math.round(plan.monthlyTrainees[11]! / 600));
  return Array.from({ length: count }, () => {
    const typeIndex = random.weightedIndex(typeWeights);
    const [min, max] = TRAINING_TYPES[typeIndex]!.size;
    const opened = isoDate(year, 12, random.int(1, 28));
    const finished = addDays(opened, random.int(40, 90));
    const row = makeClass(ctx, plan.county.code, finished, random.int(min, max), typeIndex);
    // makeClass draws the counts either way, so the random sequence (and every other class) stays the same.
    return nextYearGenerated ? { ...row, openedOn: opened } : { ...row, openedOn: opened, finishedOn: null, completed: 0, subsidised: 0 };
  });
}
