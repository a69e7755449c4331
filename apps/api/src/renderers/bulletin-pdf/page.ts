import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

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
let fonts: Record<keyof typeof FONT, Buffer> | undefined;

/** The subset fonts committed under data/fonts/ (see data/README.md), read once. */
export function fontFiles(): Record<keyof typeof FONT, Buffer> {
  fonts ??= {
    serif: readFileSync(require.resolve('@dispatch/data/fonts/NotoSerifSC-Regular.ttf')),
    sans: readFileSync(require.resolve('@dispatch/data/fonts/NotoSansSC-Regular.otf')),
  };
  return fonts;
}
