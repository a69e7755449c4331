import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { create, type GlyphRun, type LayoutFont } from 'fontkit';

/*
 * The page of GB/T 9704-2012 (党政机关公文格式) in PDF points: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm,
 * 3号 (16 pt) body with 22 lines a page and 28 characters a line, page numbers 4号 (14 pt) 7 mm under the 版心.
 */
export const MM = 72 / 25.4;
export const BLOCK = { width: 156 * MM, height: 225 * MM };
export const PORTRAIT_MARGINS = { top: 37 * MM, left: 28 * MM, right: (210 - 28 - 156) * MM, bottom: (297 - 37 - 225) * MM };
export const BODY_SIZE = 16;
/** 22 lines in the 225 mm block. */
export const LINE_PITCH = BLOCK.height / 22;
/** 28 characters in the 156 mm line: Noto's full-width advance is 1 em, so the characters close up a little. */
export const BODY_CHARACTER_SPACING = (BLOCK.width - 28 * BODY_SIZE) / 28;

/**
 * A landscape page is a portrait page turned so that the table's top faces the binding on odd pages and the outer
 * edge on even ones (GB/T 9704 §10); its 版心 is the portrait one, turned. `toPortrait` maps the portrait page's
 * coordinates onto the landscape page, so that the page number stays where the portrait pages put it.
 */
export function landscapePage(pageNumber: number) {
  const odd = pageNumber % 2 === 1;
  const margins = odd
    ? { left: (297 - 37 - 225) * MM, top: 28 * MM, right: 37 * MM, bottom: (210 - 28 - 156) * MM }
    : { left: 37 * MM, top: (210 - 28 - 156) * MM, right: (297 - 37 - 225) * MM, bottom: 28 * MM };
  // odd: the portrait top is the landscape's right edge; even: its left edge.
  const toPortrait: [number, number, number, number, number, number] = odd ? [0, 1, -1, 0, 297 * MM, 0] : [0, -1, 1, 0, 0, 210 * MM];
  return { margins, toPortrait };
}

export const FONT = { serif: 'NotoSerifSC', sans: 'NotoSansSC' } as const;

const require = createRequire(import.meta.url);
let fonts: Record<keyof typeof FONT, LayoutFont> | undefined;

/**
 * The subset fonts committed under data/fonts/ (see data/README.md), read and parsed once per process and handed
 * to pdfkit as fontkit objects (pdfkit parses a file or Buffer again for every document: ~10 ms of a bulletin).
 */
export function bulletinFonts(): Record<keyof typeof FONT, LayoutFont> {
  fonts ??= {
    serif: memoisedLayout(create(readFileSync(require.resolve('@dispatch/data/fonts/NotoSerifSC-Regular.ttf')))),
    sans: memoisedLayout(create(readFileSync(require.resolve('@dispatch/data/fonts/NotoSansSC-Regular.otf')))),
  };
  return fonts;
}

/**
 * The characters of `text` the bulletin's body face cannot draw — the fonts are cut to GB2312 and 通用规范汉字表, so a rarer character
 * in a name (玗, 龘) would print as a gap, not even a box. Each once, in order of appearance.
 */
export function charactersNotInFonts(text: string): string[] {
  const { serif } = bulletinFonts();
  const missing = new Set<string>();
  for (const char of text) if (!/\s/u.test(char) && !serif.hasGlyphForCodePoint(char.codePointAt(0)!)) missing.add(char);
  return [...missing];
}

/** As many font subsets as the fonts keep: a draft's PDF is downloaded again until its data or text changes. */
const SUBSET_CACHE_SIZE = 16;

/** As many shaped runs as the fonts keep between documents: a bulletin shapes a few thousand distinct strings. */
const LAYOUT_CACHE_SIZE = 20_000;

/**
 * The font with its shaping (`layout`, fontkit's GSUB/GPOS pass: most of pdfkit's text measuring) remembered per
 * string across documents. pdfkit keeps such a cache per document only, and scales the run's positions in place,
 * so every call answers a fresh copy of the remembered run. A run shaped with explicit features is not remembered.
 */
/** A copy of a fontkit object with its class kept (a run's advanceWidth is a getter over its positions). */
const copy = <T extends object>(value: T, own: Partial<T>): T => Object.assign(Object.create(Object.getPrototypeOf(value) as object) as T, value, own);

function memoisedLayout(font: LayoutFont): LayoutFont {
  const runs = new Map<string, GlyphRun>();
  const layout = font.layout.bind(font);
  const wrapped: LayoutFont = Object.create(font);
  wrapped.layout = (text: string, features?: unknown) => {
    if (features !== undefined) return layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= LAYOUT_CACHE_SIZE) runs.clear();
      run = layout(text);
      runs.set(text, run);
    }
    return copy(run, { glyphs: [...run.glyphs], positions: run.positions.map((position) => copy(position, {})) });
  };
  // The embedded subset is the font's tables cut down to the glyphs used, in the order first used: the same list
  // gives the same bytes, so it is cut once (fontkit's subsetting is a third of a warm bulletin's time).
  const subsets = new Map<string, Uint8Array>();
  const createSubset = font.createSubset.bind(wrapped);
  wrapped.createSubset = () => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(',');
      let bytes = subsets.get(key);
      if (!bytes) {
        if (subsets.size >= SUBSET_CACHE_SIZE) subsets.clear();
        bytes = encode();
        subsets.set(key, bytes);
      }
      return bytes;
    };
    return subset;
  };
  return wrapped;
}
