type Doc = PDFKit.PDFDocument;

/*
 * Body text set the way Chinese documents are: on the 28-character grid, lines broken between any two characters
 * (never before closing or after opening punctuation), a figure (2,279 · 22.4% · 1—5) one unbreakable unit, and a
 * justified line's spare width shared out between its units only: Chinese characters spread a little, a figure's
 * digits stay together at their own spacing. pdfkit's own justification stretches the spaces alone, so a line
 * with one space beside a number opened a gap of several characters there.
 */

/** A line does not start with these … */
const NO_START = new Set([...'，。、；：？！）》」』”’…%·']);
/** … nor end with these. */
const NO_END = new Set([...'（《「『“‘']);
/** A figure or a Latin word (digits with their , . % and a dash between digits: 1—5), a run of spaces, or one character. */
const UNIT = /(?:[\x21-\x7e]|(?<=\d)[—–](?=\d))+|\s+|./gsu;

interface Unit {
  text: string;
  /** its width at the paragraph's spacing, the spacing after its last character included */
  width: number;
  space: boolean;
  /** a piece of a run too long for a line (a web address, a long number) after its first: no spare width before it */
  glued?: boolean;
}

/** A run longer than this share of a line is cut into pieces of about this width, so that it can break across lines. */
const LONGEST_UNIT_SHARE = 0.1;

export interface ParagraphStyle {
  left: number;
  width: number;
  /** the first line's indent */
  indent: number;
  /** the distance from one line's top to the next's */
  pitch: number;
  /** pdfkit's character spacing (the 28-character grid) */
  characterSpacing: number;
  /** spread the spare width over each line but the last */
  justify: boolean;
  /** starts a new page; the text goes on at its top margin */
  newPage: () => void;
  /**
   * the height that must follow the last line on its page (the issuer and the date after the last paragraph): when
   * it does not fit, the last two lines go over with it, so that it never stands alone on a page
   */
  keepWithEnd?: number;
}

/** Units' widths by font, size and spacing, kept between documents (the fonts are): a bulletin measures the same few hundred characters. */
const widths = new Map<string, Map<string, number>>();
const WIDTHS_SIZE = 20_000;

/** The paragraph broken into lines of units, each line's first one with its indent. */
export function paragraphLines(doc: Doc, text: string, style: Pick<ParagraphStyle, 'width' | 'indent' | 'characterSpacing'>): Unit[][] {
  const face = `${(doc as unknown as { _font: { name: string } })._font.name} ${(doc as unknown as { _fontSize: number })._fontSize} ${style.characterSpacing}`;
  let known = widths.get(face);
  if (!known) widths.set(face, (known = new Map()));
  const unit = (part: string): Unit => {
    let width = known.get(part);
    if (width === undefined) {
      if (known.size >= WIDTHS_SIZE) known.clear();
      width = doc.widthOfString(part, { characterSpacing: style.characterSpacing }) + style.characterSpacing;
      known.set(part, width);
    }
    return { text: part, width, space: /^\s+$/u.test(part) };
  };
  const longest = style.width * LONGEST_UNIT_SHARE;
  // a figure is one unit, but a web address or a run of digits wider than a line could not be set at all (it ran off
  // the page): cut into pieces a line can break between, set without spare width inside it
  const units = (text.match(UNIT) ?? []).flatMap((part) => {
    const whole = unit(part);
    if (whole.space || whole.width <= style.width - style.indent) return [whole];
    const pieces: Unit[] = [];
    let piece = '';
    for (const char of part) {
      if (piece && unit(piece + char).width > longest) {
        pieces.push({ ...unit(piece), glued: pieces.length > 0 });
        piece = '';
      }
      piece += char;
    }
    if (piece) pieces.push({ ...unit(piece), glued: pieces.length > 0 });
    return pieces;
  });
  const lines: Unit[][] = [];
  let line: Unit[] = [];
  let used = style.indent;
  for (const next of units) {
    if (next.space && line.length === 0) continue;
    if (used + next.width > style.width + 0.01 && line.some((u) => !u.space)) {
      const carry: Unit[] = [];
      // closing punctuation goes over with the unit before it (and that one's, if it is closing too: 19.9%）。)
      for (let head = next; NO_START.has([...head.text][0]!) && line.length > 1; head = carry[0]!) carry.unshift(line.pop()!);
      while (line.length > 1 && NO_END.has([...line.at(-1)!.text].at(-1)!)) carry.unshift(line.pop()!);
      while (line.at(-1)?.space) line.pop();
      lines.push(line);
      line = carry;
      used = carry.reduce((sum, u) => sum + u.width, 0);
      if (next.space && line.length === 0) continue;
    }
    line.push(next);
    used += next.width;
  }
  while (line.at(-1)?.space) line.pop();
  if (line.length) lines.push(line);
  return lines;
}

/**
 * Sets a paragraph from the current y: lines `pitch` apart, a new page when a line would pass the bottom margin.
 * Leaves doc.y under the last line.
 */
export function setParagraph(doc: Doc, text: string, style: ParagraphStyle): void {
  const lines = paragraphLines(doc, text, style);
  let y = doc.y;
  const tail = Math.max(0, lines.length - 2);
  lines.forEach((line, index) => {
    const endsTooLow = style.keepWithEnd !== undefined && index === tail && y + (lines.length - tail) * style.pitch + style.keepWithEnd > doc.page.height - doc.page.margins.bottom;
    if (endsTooLow || y + doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) {
      style.newPage();
      y = doc.page.margins.top;
    }
    const indent = index === 0 ? style.indent : 0;
    const natural = line.reduce((sum, u) => sum + u.width, 0);
    // the gaps that take spare width: between two units neither of which is a space
    const gaps = line.slice(1).filter((u, i) => !u.space && !u.glued && !line[i]!.space).length;
    const spare = style.width - indent - natural;
    const extra = style.justify && index < lines.length - 1 && gaps > 0 && spare > 0 ? spare / gaps : 0;
    let x = style.left + indent;
    let run = '';
    let runX = x;
    const flush = () => {
      if (run) doc.text(run, runX, y, { lineBreak: false, characterSpacing: style.characterSpacing + extra });
      run = '';
    };
    line.forEach((u, i) => {
      const single = [...u.text].length === 1 && !u.space;
      if (!single || u.space) flush();
      if (!u.space) {
        if (single) {
          if (!run) runX = x;
          run += u.text;
        } else doc.text(u.text, x, y, { lineBreak: false, characterSpacing: style.characterSpacing });
      }
      const next = line[i + 1];
      const stretched = next !== undefined && !u.space && !next.space && !next.glued;
      x += u.width + (stretched ? extra : 0);
      if (!single) flush();
    });
    flush();
    y += style.pitch;
  });
  doc.y = y;
  doc.x = style.left;
}
