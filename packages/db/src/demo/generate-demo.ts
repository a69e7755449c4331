import type { Region } from '@dispatch/core';
import { CALIBRATION, OCCUPATIONS, TRAINING_TYPES } from './catalogue.ts';
import { calibrateStandards, calibrateSubsidised } from './calibrate.ts';
import { addDays, generateCarryOverClasses, generateCountyClasses, type DemoClass } from './generate-classes.ts';
import { generateInstitutions, type DemoInstitution } from './generate-institutions.ts';
import { planCounties } from './plan-regions.ts';
import { planReallocations, type DemoReallocation, type DemoRound } from './plan-reallocations.ts';
import { createRandom } from './random.ts';

export interface DemoOptions {
  seed?: number;
  /** Calendar years to generate; the demo default is 2020, the year of the source report. */
  years?: number[];
  /** Size multiplier for benchmarks: 1 is the province's real size. */
  scale?: number;
}

export interface DemoClassRow extends DemoClass {
  id: number;
  classNo: string;
}

export interface DemoAudit {
  id: number;
  /** 'SH' + class number + '-' + id, as the migration numbered audits from before audit_no */
  auditNo: string;
  classId: number;
  auditedOn: string;
  amount: number;
  status: 'approved';
}

export interface DemoData {
  institutions: DemoInstitution[];
  occupations: { id: number; name: string }[];
  trainingTypes: { id: number; code: string; name: string }[];
  targets: { regionCode: string; year: number; trainees: number; fundsBudget: number }[];
  classes: DemoClassRow[];
  audits: DemoAudit[];
  reallocations: DemoReallocation[];
  /** 资金调剂轮次: date and document number of each round of `reallocations` */
  rounds: DemoRound[];
}

export const DEMO_SEED = 20_200_531;

/**
 * Audits follow completion by 3–30 days, but the year's accounts close on 31 December (年底清算): a class
 * finished in a year is audited in that year.
 */
function auditDate(finishedOn: string, lagDays: number): string {
  const date = addDays(finishedOn, lagDays);
  const yearEnd = `${finishedOn.slice(0, 4)}-12-31`;
  return date > yearEnd ? yearEnd : date;
}

/**
 * The deterministic demo database, calibrated per year to the source's 2020 facts: trainees, funds audited and
 * the average subsidy per subsidised person hit their totals (× scale) over the classes finished in the year.
 */
export function generateDemoData(regions: readonly Region[], options: DemoOptions = {}): DemoData {
  const { seed = DEMO_SEED, years = [2020], scale = 1 } = options;
  const random = createRandom(seed);
  const counties = regions.filter((r) => r.level === 'county');
  const firstPlan = planCounties(counties, createRandom(seed + 1), scale);
  const institutions = generateInstitutions(counties, firstPlan.map((p) => p.target), random, scale);
  const institutionIds = new Map<string, number[]>();
  for (const i of institutions) institutionIds.set(i.regionCode, [...(institutionIds.get(i.regionCode) ?? []), i.id]);

  const data: DemoData = {
    institutions,
    occupations: OCCUPATIONS.map((o, i) => ({ id: i + 1, name: o.name })),
    trainingTypes: TRAINING_TYPES.map((t, i) => ({ id: i + 1, code: t.code, name: t.name })),
    targets: [],
    classes: [],
    audits: [],
    reallocations: [],
    rounds: [],
  };
  let carried: DemoClass[] = [];
  for (const year of years) {
    const plans = year === years[0] ? firstPlan : planCounties(counties, createRandom(seed + year), scale);
    const yearClasses: DemoClass[] = [];
    const nextCarried: DemoClass[] = [];
    for (const plan of plans) {
      const ctx = { year, random, institutionIds: institutionIds.get(plan.county.code)! };
      yearClasses.push(...generateCountyClasses(ctx, plan));
      nextCarried.push(...generateCarryOverClasses(ctx, plan, years.includes(year + 1)));
    }
    calibrateSubsidised(yearClasses, Math.round((CALIBRATION.fundsAudited * scale) / CALIBRATION.avgSubsidy));
    calibrateStandards(yearClasses, CALIBRATION.fundsAudited * scale);

    const spent = new Map<string, number>();
    for (const c of yearClasses) spent.set(c.regionCode, (spent.get(c.regionCode) ?? 0) + c.subsidised * c.subsidyStandard);
    const gaps = new Map(plans.map((p) => [p.county.code, (spent.get(p.county.code) ?? 0) - p.allocatedBudget]));
    const { rounds, moves } = planReallocations(year, counties, gaps, scale, data.rounds.length + 1);
    data.rounds.push(...rounds);
    data.reallocations.push(...moves);
    data.targets.push(...plans.map((p) => ({ regionCode: p.county.code, year, trainees: p.target, fundsBudget: p.allocatedBudget })));

    // Classes running into a generated next year are written with that year's classes.
    const nextYearGenerated = years.includes(year + 1);
    for (const c of [...carried, ...yearClasses, ...(nextYearGenerated ? [] : nextCarried)]) {
      const id = data.classes.length + 1;
      const classNo = `${c.openedOn.slice(0, 4)}${c.regionCode}${String(id).padStart(7, '0')}`;
      data.classes.push({ ...c, id, classNo });
      if (c.finishedOn && c.subsidised > 0) {
        const auditId = data.audits.length + 1;
        data.audits.push({
          id: auditId,
          auditNo: `SH${classNo}-${auditId}`,
          classId: id,
          auditedOn: auditDate(c.finishedOn, random.int(3, 30)),
          amount: c.subsidised * c.subsidyStandard,
          status: 'approved',
        });
      }
    }
    carried = nextYearGenerated ? nextCarried : [];
  }
  return data;
}
