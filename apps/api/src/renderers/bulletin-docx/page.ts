import { AlignmentType, Footer, Header, PageNumber, PageOrientation, Paragraph, TextRun, type IRunOptions, type ISectionPropertiesOptions } from 'docx';

/*
 * The page of GB/T 9704-2012 in Word's units: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 3号 (16 pt) body on 22
 * lines, page numbers 4号 (14 pt) under the 版心. Sizes in half-points, lengths in twips.
 */
/** millimetres in twips, rounded (docx's own conversion truncates: 37 mm would be 2097) */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
export const BODY_SIZE = 32;
/** 22 lines in the 225 mm block, exactly. */
export const LINE = Math.round(mm(225) / 22);
/** two characters of 3号 body: a paragraph's first-line indent */
export const INDENT = 2 * 16 * 20;
export const TEXT_WIDTH = mm(156);

/**
 * The faces by family, the way an office's Word has them: 宋体 titles, 仿宋 body, 黑体 and 楷体 headings (GB/T 9704).
 * Latin text and digits name the Noto faces the PDF is set in. Nothing is embedded: Word substitutes a face it
 * does not have.
 */
export const FACE = {
  title: { ascii: 'Noto Serif SC', hAnsi: 'Noto Serif SC', eastAsia: '宋体' },
  body: { ascii: 'Noto Serif SC', hAnsi: 'Noto Serif SC', eastAsia: '仿宋' },
  heading1: { ascii: 'Noto Sans SC', hAnsi: 'Noto Sans SC', eastAsia: '黑体' },
  heading2: { ascii: 'Noto Serif SC', hAnsi: 'Noto Serif SC', eastAsia: '楷体' },
} as const satisfies Record<string, IRunOptions['font']>;

const PORTRAIT = { top: mm(37), left: mm(28), right: mm(210 - 28 - 156), bottom: mm(297 - 37 - 225) };

/** 「— 3 —」 7 mm under the 版心: odd pages at the right, even pages at the left, one character in. */
function pageNumber(alignment: 'right' | 'left') {
  const indent = alignment === 'right' ? { right: 280 } : { left: 280 };
  return new Footer({
    children: [new Paragraph({
      alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, indent,
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: FACE.body })],
    })],
  });
}

const demoHeader = () => new Header({
  children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '演示数据', size: 18, color: '777777', font: FACE.heading1 })] })],
});

/**
 * A section's page: A4 with the standard's margins; a landscape page is the portrait one turned (its top margin
 * is the binding's 28 mm), the page numbers as on every page.
 */
export function sectionPage(orientation: 'portrait' | 'landscape', demo: boolean) {
  const margin = orientation === 'portrait'
    ? { ...PORTRAIT, footer: mm(297 - 37 - 225 - 12), header: mm(20) }
    : { top: PORTRAIT.left, bottom: PORTRAIT.right, left: PORTRAIT.bottom, right: PORTRAIT.top, footer: mm(12), header: mm(12) };
  const properties: ISectionPropertiesOptions = {
    page: {
      size: { width: 11906, height: 16838, orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
      margin,
    },
  };
  return {
    properties,
    footers: { default: pageNumber('right'), even: pageNumber('left') },
    ...(demo ? { headers: { default: demoHeader(), even: demoHeader() } } : {}),
  };
}
