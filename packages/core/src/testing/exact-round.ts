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
