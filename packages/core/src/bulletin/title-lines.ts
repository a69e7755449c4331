/*
 * A long title broken into lines of about equal width with words kept whole (GB/T 9704 §7.3.3: 回行时要做到词意完整，
 * 排列对称). The PDF, the Word copy and the web preview all break the title here, so the three agree.
 */

/** After these a line may end well: function words and the date's 年/月 (关于 … 的 … 通报). */
const BREAK_AFTER = new Set([...'于的月年省和与及']);
/** Marks a line neither starts with (closing punctuation) nor ends with (opening punctuation). */
const NO_START = new Set([...'）》」』”’、，。：；！？']);
const NO_END = new Set([...'（《「『“‘']);
/** Words the segmenter cuts in two (职业|技能) that a title must keep whole. */
const KEEP_WHOLE = ['职业技能', '人力资源', '社会保障', '技能提升'];
/** An autonomous prefecture's or county's name (湘西土家族苗族自治州, 城步苗族自治县), which the segmenter cuts at 族|自治. */
const AUTONOMOUS = /\p{Script=Han}{2}(?:\p{Script=Han}{1,2}族)+自治[州县]/gu;
/** A figure and what belongs to it (2020年1—5月) never breaks. */
const FIGURE = /[0-9０-９.%—–-]/;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The places (character offsets) where a line may break: between words as `Intl.Segmenter` finds them, but never
 * inside a figure, between two single characters the segmenter could not place (全|省, 张|家|界 — an unknown name) unless the first is a
 * function word,
 * inside a word of KEEP_WHOLE or an autonomous region's name, before closing or after opening punctuation, nor inside a bracketed name
 * (（湘西土家族苗族自治州）) — before its bracket is a good place.
 */
export function titleBreaks(text: string): { at: number; good: boolean }[] {
  const chars = [...text];
  const segments = [...segmenter.segment(text)].map((s) => [...s.segment].length);
  const closed = new Set<number>();
  const keep = (from: number, length: number) => {
    const start = [...text.slice(0, from)].length;
    for (let i = 1; i < length; i++) closed.add(start + i);
  };
  KEEP_WHOLE.forEach((word) => {
    for (let from = text.indexOf(word); from >= 0; from = text.indexOf(word, from + 1)) keep(from, word.length);
  });
  for (const match of text.matchAll(AUTONOMOUS)) keep(match.index, match[0].length);
  let depth = 0;
  chars.forEach((char, i) => {
    if (char === '（' || char === '(') depth++;
    else if (char === '）' || char === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 && char !== '（' && char !== '(') closed.add(i);
    if (depth > 0 && (char === '（' || char === '(')) closed.add(i + 1);
  });
  const breaks: { at: number; good: boolean }[] = [];
  let at = 0;
  segments.forEach((length, index) => {
    const before = at;
    at += length;
    if (index === 0 || closed.has(before)) return;
    const prev = chars[before - 1]!;
    const next = chars[before]!;
    if (FIGURE.test(prev) || FIGURE.test(next) || NO_START.has(next) || NO_END.has(prev)) return;
    if (length === 1 && segments[index - 1] === 1 && !BREAK_AFTER.has(prev) && /\p{Script=Han}/u.test(prev + next)) return;
    breaks.push({ at: before, good: BREAK_AFTER.has(prev) || next === '（' });
  });
  return breaks;
}

/**
 * Lines of about equal width for a long title: as few lines as fit `width`, each break at a place `titleBreaks`
 * allows, chosen to make the lines as even as they can be, a break after a function word or before a bracket
 * preferred. `measure` gives a text's width in the units of `width` (the PDF's font metrics; the Word copy and the
 * preview count characters). A title with no allowed place that fits breaks between any two characters instead.
 */
export function balanceTitle(measure: (text: string) => number, text: string, width: number): string[] {
  const chars = [...text];
  if (measure(text) <= width || chars.length < 2) return [text];
  const allowed = titleBreaks(text);
  const any = chars.slice(1).map((_, i) => ({ at: i + 1, good: false }));
  for (const breaks of [allowed, any]) {
    const start = Math.ceil(measure(text) / width);
    for (let lines = start; lines <= Math.min(chars.length, start + 2); lines++) {
      const best = bestBreaks(measure, chars, breaks, lines, width);
      if (best) return best;
    }
  }
  return [text];
}

/** The `lines` lines that fit, with the least spread of widths (a weaker break counts as a fifth of a line more). */
function bestBreaks(measure: (text: string) => number, chars: string[], breaks: { at: number; good: boolean }[], lines: number, width: number): string[] | null {
  const points = [{ at: 0, good: true }, ...breaks, { at: chars.length, good: true }];
  const line = (from: number, to: number) => chars.slice(points[from]!.at, points[to]!.at).join('');
  const even = measure(chars.join('')) / lines;
  // cost[k][j]: the best cost of k lines ending at point j
  const cost: number[][] = Array.from({ length: lines + 1 }, () => points.map(() => Infinity));
  const from: number[][] = Array.from({ length: lines + 1 }, () => points.map(() => -1));
  cost[0]![0] = 0;
  for (let k = 1; k <= lines; k++) {
    for (let j = 1; j < points.length; j++) {
      for (let i = 0; i < j; i++) {
        if (cost[k - 1]![i] === Infinity) continue;
        const w = measure(line(i, j));
        if (w > width) continue;
        const weak = j < points.length - 1 && !points[j]!.good ? (even / 5) ** 2 : 0;
        const c = cost[k - 1]![i]! + (w - even) ** 2 + weak;
        if (c < cost[k]![j]!) {
          cost[k]![j] = c;
          from[k]![j] = i;
        }
      }
    }
  }
  const last = points.length - 1;
  if (cost[lines]![last] === Infinity) return null;
  const result: string[] = [];
  for (let k = lines, j = last; k > 0; j = from[k]![j]!, k--) result.unshift(line(from[k]![j]!, j));
  return result;
}

/** A title's width in characters of its size: a Chinese or full-width character 1, a digit or Latin mark about half. */
export const titleEms = (text: string): number => [...text].reduce((sum, char) => sum + (/[\x20-\x7e]/.test(char) ? 0.55 : 1), 0);

/**
 * Characters of 2号 (22 pt) a title line holds: the 156 mm line has room for twenty, less a margin each side
 * (GB/T 9704 leaves a long title's lines short of the edges).
 */
export const TITLE_LINE_EMS = 18;

/** The bulletin's title as printed: the same lines in the PDF, the Word copy and the web preview. */
export function bulletinTitleLines(title: string): string[] {
  return balanceTitle(titleEms, title, TITLE_LINE_EMS);
}

/** The addressees' line as printed, with its colon (各市州人力资源和社会保障局：), once. */
export function addresseeLine(addressees: string): string {
  const trimmed = addressees.trim().replace(/[：:]$/u, '');
  return `${trimmed}：`;
}

/**
 * A region's name's word pieces: an autonomous one's (通道侗族自治县 → 通道侗族 · 自治县, 湘西土家族苗族自治州 → 湘西土家族 ·
 * 苗族 · 自治州) after each 族 and before 自治; any other name is one piece (a cell fits it, or its characters wrap).
 */
export function regionNamePieces(name: string): string[] {
  return name.split(/(?<=族)(?=\p{Script=Han})/u).filter(Boolean);
}

/**
 * A region's name in a narrow cell: its pieces packed into as few lines as `fits` allows, never cut inside a word
 * (「通道侗族｜自治县」, not 「通道侗族自｜治县」); a piece that fits nowhere stands on its own line.
 */
export function regionNameLines(name: string, fits: (line: string) => boolean): string[] {
  if (fits(name)) return [name];
  const lines: string[] = [];
  for (const piece of regionNamePieces(name)) {
    const last = lines.at(-1);
    if (last !== undefined && fits(last + piece)) lines[lines.length - 1] = last + piece;
    else lines.push(piece);
  }
  return lines;
}
