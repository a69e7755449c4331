/**
 * An independent route to a rounded figure, for tests: the exact fraction numerator / denominator in whole
 * numbers (BigInt), rounded half away from zero to `places` decimals, as plain text ("-11.5"). It shares no code
 * with the display model it checks.
 */
export function roundFraction(numerator: bigint | number, denominator: bigint | number, places: number): string {
  const [p, q] = [BigInt(numerator), BigInt(denominator)];
  if (q === 0n) throw new Error('no fraction with a zero denominator');
  const negative = p !== 0n && p < 0n !== q < 0n;
  const scaled = (p < 0n ? -p : p) * 10n ** BigInt(places);
  const whole = q < 0n ? -q : q;
  let rounded = scaled / whole;
  if (2n * (scaled % whole) >= whole) rounded += 1n;
  const digits = rounded.toString().padStart(places + 1, '0');
  const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative && rounded !== 0n ? `-${text}` : text;
}

/** Text the display model wrote, back to plain decimal text: "−1,234.5%" → "-1234.5". */
export function plainNumber(text: string): string {
  return text.replace(/[,%+]/g, '').replace('−', '-');
}

interface WholeNumbers {
  target: number;
  trainees: number;
  fundsAudited: number;
  fundsBudget: number;
  subsidised: number;
  month: { trainees: number };
}

/**
 * A ranking row's rounded figures computed from its whole numbers alone, as plain text — what the screen and the
 * Excel file must both show; null where there is no value ("—"). Keys are the ranking columns'.
 */
export function exactRankingFigures(row: WholeNumbers, month: number): Record<string, string | null> {
  const { target, trainees, fundsAudited, fundsBudget, subsidised, month: thisMonth } = row;
  return {
    target: roundFraction(target, 10_000, 2),
    trainees: roundFraction(trainees, 10_000, 2),
    fundsAudited: roundFraction(fundsAudited, 10_000, 2),
    completionRatio: target > 0 ? roundFraction(100 * trainees, target, 1) : null,
    // (trainees / target − month / 12) × 100
    lag: target > 0 ? roundFraction(1200 * trainees - 100 * month * target, 12 * target, 1) : null,
    fundsRatio: fundsBudget > 0 ? roundFraction(100 * fundsAudited, fundsBudget, 1) : null,
    avgSubsidy: subsidised > 0 ? roundFraction(fundsAudited, subsidised, 0) : null,
    // the month's trainees against a twelfth of the target, × 100
    monthCompletion: target > 0 ? roundFraction(1200 * thisMonth.trainees, target, 1) : null,
  };
}

/** A spreadsheet cell's number as the shown figure's plain text (a percentage cell holds a fraction). */
export function cellNumber(cell: unknown, percent: boolean): string | null {
  return cell == null ? null : String(Number((Number(cell) * (percent ? 100 : 1)).toFixed(6)));
}
