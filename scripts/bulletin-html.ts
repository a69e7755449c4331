import type { BulletinBlock, BulletinDocument, BulletinTable } from '@dispatch/core';

/*
 * A plain HTML rendering of a bulletin, for the benchmark's browser side: the same document printed to PDF by
 * headless Chromium, with the same committed fonts and A4 pages in the spirit of GB/T 9704. Not the product's
 * preview (that is the web app's); just the content, laid out by the browser.
 */

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function table(t: BulletinTable): string {
  const head = t.columns.map((c) => `<th>${escape(c.label)}${c.unit ? `<br>（${escape(c.unit)}）` : ''}</th>`).join('');
  const row = (cells: readonly string[], cls = '') => `<tr class="${cls}">${cells.map((cell, i) => `<td class="${t.columns[i]?.align ?? 'left'}">${escape(cell)}</td>`).join('')}</tr>`;
  const rows = [...t.rows.map((r) => row(r.cells, r.emphasis ? 'em' : '')), ...(t.total ? [row(t.total, 'total')] : [])].join('');
  const notes = (t.notes ?? []).map((n) => `<p class="note">${escape(n)}</p>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${notes}`;
}

function block(b: BulletinBlock): string {
  switch (b.kind) {
    case 'heading': return `<h${b.level + 1}>${escape(b.text)}</h${b.level + 1}>`;
    case 'paragraph': return `<p>${escape(b.text)}</p>`;
    case 'table': return `<h4>${escape(b.table.title)}</h4>${table(b.table)}`;
    case 'chart': {
      const bars = b.chart.labels.map((label, i) => `<div class="bar"><span>${escape(label)}</span><i style="width:${b.chart.values[i]}%"></i>${b.chart.values[i]}%</div>`).join('');
      return `<h4>${escape(b.chart.title)}</h4><div class="chart">${bars}</div>`;
    }
  }
}

/** The whole document as one HTML page; `fonts` maps the faces to font files' URLs. */
export function bulletinHtml(doc: BulletinDocument, fonts: { serif: string; sans: string }): string {
  const attachments = doc.attachments.map((a) => `<section class="${a.orientation}"><h2>附件${a.number}</h2><h1 class="att">${escape(a.title)}</h1>${table(a.table)}</section>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@font-face { font-family: NotoSerifSC; src: url(${fonts.serif}); }
@font-face { font-family: NotoSansSC; src: url(${fonts.sans}); }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page landscape { size: A4 landscape; margin: 28mm 37mm 26mm 35mm; }
body { font: 16pt/28.9pt NotoSerifSC, serif; margin: 0; }
h1 { font-size: 22pt; text-align: center; line-height: 1.4; } h1.att { font-size: 18pt; }
h2 { font: 16pt NotoSansSC, sans-serif; text-indent: 2em; margin: 0; } h3 { font-size: 16pt; text-indent: 2em; margin: 0; }
h4 { font-size: 14pt; text-align: center; margin: 8pt 0 4pt; }
p { text-indent: 2em; margin: 0; text-align: justify; } p.note { font-size: 10.5pt; line-height: 1.4; text-indent: 0; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; line-height: 1.3; } th, td { border: 0.5pt solid #000; padding: 1pt 3pt; }
tr { break-inside: avoid; } thead { display: table-header-group; } td.right { text-align: right; } td.center { text-align: center; }
tr.em { background: #eee; } tr.total { font-weight: bold; }
.chart .bar { font-size: 10pt; line-height: 1.4; } .chart span { display: inline-block; width: 12em; } .chart i { display: inline-block; height: 8pt; background: #1f4e8c; margin-right: 4pt; }
section { break-before: page; } section.landscape { page: landscape; }
.close { text-align: right; margin-top: 2em; padding-right: 4em; }
</style></head><body>
<h1>${escape(doc.title)}</h1><p style="text-align:center;text-indent:0">${escape(doc.documentNumber ?? '（草稿）')}</p>
<p style="text-indent:0">${escape(doc.addressees)}</p>
${doc.body.map(block).join('\n')}
${doc.attachments.map((a, i) => `<p>${i === 0 ? '附件：' : '　　　'}${a.number}. ${escape(a.title)}</p>`).join('')}
<div class="close">${escape(doc.issuer)}<br>${escape(doc.dateText)}</div>
${attachments}
</body></html>`;
}
