/** fontkit ships no types; this is the part the bulletin renderer uses (pdfkit takes such a font object as is). */
declare module 'fontkit' {
  export interface GlyphRun {
    glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
    positions: Record<string, number>[];
    advanceWidth: number;
  }
  export interface Subset {
    /** the glyph ids included so far, in the order first included */
    glyphs: number[];
    encode(): Uint8Array;
  }
  export interface LayoutFont {
    layout(text: string, features?: unknown): GlyphRun;
    createSubset(): Subset;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): LayoutFont;
}
