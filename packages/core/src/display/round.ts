/**
 * The one rounding of every shown or exported number: half away from zero (四舍五入), to `places` decimals, from
 * the exact value. A value computed in floating point can sit a hair off an exact half (0.0115 × 100 is
 * 1.1499999999999999): it is first taken to 12 significant digits — far finer than any figure shown, and far
 * finer than the gap between two different ratios of the product's integers — so it rounds as the exact
 * fraction would.
 */
export function roundHalfAway(value: number, places = 0): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** places;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  const rounded = Math.floor(scaled + 0.5) / factor;
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}
