import type { Region } from '@dispatch/core';
import { CALIBRATION, INSTITUTION_KINDS, INSTITUTION_WORDS } from './catalogue.ts';
import { apportion, type Random } from './random.ts';

export interface DemoInstitution {
  id: number;
  name: string;
  regionCode: string;
  kind: 'school' | 'centre' | 'enterprise';
}

const kindWeights = INSTITUTION_KINDS.map((k) => k.weight);

/** About 1,700 institutions (× scale), at least three in every county, named like real ones and unique. */
export function generateInstitutions(counties: readonly Region[], weights: readonly number[], random: Random, scale: number): DemoInstitution[] {
  const perCounty = apportion(Math.round(CALIBRATION.institutions * scale) - 3 * counties.length, weights).map((n) => n + 3);
  const used = new Set<string>();
  const institutions: DemoInstitution[] = [];
  counties.forEach((county, i) => {
    const place = county.name.length > 2 ? county.name.replace(/(市|县|区)$/, '') : county.name;
    for (let n = 0; n < perCounty[i]!; n++) {
      const kind = INSTITUTION_KINDS[random.weightedIndex(kindWeights)]!;
      let name = '';
      for (let attempt = 0; attempt < 50 && (!name || used.has(name)); attempt++) {
        name = `${kind.kind === 'enterprise' ? '湖南' : place}${random.pick(INSTITUTION_WORDS)}${random.pick(kind.suffixes)}`;
      }
      if (used.has(name)) name = `${place}第${n + 1}${random.pick(kind.suffixes)}`;
      used.add(name);
      institutions.push({ id: institutions.length + 1, name, regionCode: county.code, kind: kind.kind });
    }
  });
  return institutions;
}
