/** Where a title line may end: after a function word or a date, so that words stay whole. */
const BREAK_AFTER = new Set([...'于的月年省和与及']);

/**
 * Lines of about equal width for a long title (GB/T 9704: 回行时要做到词意完整，排列对称): each break at the
 * balanced point, moved up to three characters to follow a word that may end a line. `measure` gives a text's
 * width in the units of `width` (the PDF's font metrics; the Word copy counts characters).
 */
export function balanceLines(measure: (text: string) => number, text: string, width: number): string[] {
  const chars = [...text];
  const count = Math.ceil(measure(text) / width);
  const lines: string[] = [];
  let rest = chars;
  for (let line = count; line > 1; line--) {
    const even = Math.round(rest.length / line);
    const nearby = [0, 1, -1, 2, -2, 3, -3].map((d) => even + d).find((at) => at > 0 && at < rest.length && BREAK_AFTER.has(rest[at - 1]!));
    const at = nearby ?? even;
    lines.push(rest.slice(0, at).join(''));
    rest = rest.slice(at);
  }
  return [...lines, rest.join('')];
}
