import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { CsvPieces } from './csv.ts';
import { ImportFileError, readImportFile } from './read-file.ts';
import { makeXlsx } from './testing.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

describe('.xlsx', () => {
  test('cells as the sheet shows them: rich text, formula results, dates, numbers, links; trailing blank rows dropped', async () => {
    const bytes = await makeXlsx({
      培训班: [
        ['区划代码', '年度', '目标任务'],
        [{ richText: [{ text: '4301', font: { bold: true } }, { text: '82' }] }, 2021, { formula: '100*120', result: 12000 }],
        [{ text: '430102', hyperlink: 'https://example.org' }, new Date(Date.UTC(2020, 4, 3)), { formula: 'A1', result: { error: '#REF!' } }],
        [null, '   '],
      ],
    });
    const file = await readImportFile('targets', '目标.xlsx', bytes);
    expect(file).toMatchObject({ format: 'xlsx', encoding: null });
    expect(file.rows).toEqual([
      { row: 1, cells: ['区划代码', '年度', '目标任务'] },
      { row: 2, cells: ['430182', 2021, 12000] },
      { row: 3, cells: ['430102', new Date(Date.UTC(2020, 4, 3)), '#REF!'] },
    ]);
  });

  test('the sheet named like the kind is read, else the first', async () => {
    const bytes = await makeXlsx({ 说明: [['这是说明']], 资金审核: [['审核编号']], audits: [['x']] });
    expect((await readImportFile('audits', 'a.xlsx', bytes)).sheetName).toBe('资金审核');
    expect((await readImportFile('targets', 'a.xlsx', bytes)).sheetName).toBe('说明');
  });

  test('an empty first sheet in front of the data is skipped: the first sheet with content is read', async () => {
    const bytes = await makeXlsx({ Sheet1: [], Sheet2: [['   ']], Sheet3: [['县市区代码', '年度', '目标任务（人）'], ['430182', 2021, 100]] });
    const file = await readImportFile('targets', '目标.xlsx', bytes);
    expect(file.sheetName).toBe('Sheet3');
    expect(file.rows).toEqual([{ row: 1, cells: ['县市区代码', '年度', '目标任务（人）'] }, { row: 2, cells: ['430182', 2021, 100] }]);
    expect((await readImportFile('targets', '空.xlsx', await makeXlsx({ Sheet1: [], Sheet2: [] }))).sheetName).toBe('Sheet1');
  });

  test('a corrupt workbook is a clear error', async () => {
    const bytes = (await makeXlsx({ a: [['x']] })).slice(0, 200);
    await expect(readImportFile('targets', '坏.xlsx', bytes)).rejects.toThrow('「坏.xlsx」不是有效的 .xlsx 文件（可能已损坏）：请在 Excel 中重新保存后上传');
  });

  test('a text file named .xlsx is said to be no workbook, not read as CSV', async () => {
    const bytes = new TextEncoder().encode('区划代码,年度\n430182,2021\n');
    await expect(readImportFile('targets', '目标.XLSX', bytes)).rejects.toThrow('「目标.XLSX」的扩展名是 .xlsx，但内容不是 Excel 工作簿：请在 Excel 中打开并另存为 .xlsx 后上传');
    expect((await readImportFile('targets', '目标.csv', bytes)).format).toBe('csv'); // the same bytes named .csv read
  });
});

describe('.csv', () => {
  const csv = '区划代码,年度,备注\r\n430182,2021,"逗号,引号""和\r\n换行"\r\n430102,2021,\r\n,,\r\n\r\n';
  const expected = [
    { row: 1, cells: ['区划代码', '年度', '备注'] },
    { row: 2, cells: ['430182', '2021', '逗号,引号"和\r\n换行'] },
    { row: 3, cells: ['430102', '2021', ''] },
  ];

  test.each([
    ['UTF-8 with a BOM', withBom(csv), 'utf-8'],
    ['UTF-8 without one', utf8(csv), 'utf-8'],
    ['GBK, as Excel saves it on a Chinese Windows', gbk(csv), 'gb18030'],
    ['UTF-16 with tabs (Excel\'s Unicode text)', new Uint8Array([0xff, 0xfe, ...iconv.encode(csv.replaceAll(',', '\t').replace('逗号\t引号', '逗号,引号'), 'utf-16le')]), 'utf-16le'],
  ])('%s: quoted fields, CRLF, trailing blank rows dropped', async (_, bytes, encoding) => {
    const file = await readImportFile('targets', '目标.csv', bytes);
    expect(file).toMatchObject({ format: 'csv', sheetName: null, encoding });
    expect(file.rows).toEqual(expected);
  });

  test('GB18030 beyond GBK (four-byte characters) and LF or CR line ends', async () => {
    const text = '培训机构\n𠀾字培训学校\r镕喆\n';
    const file = await readImportFile('classes', 'c.csv', new Uint8Array(iconv.encode(text, 'gb18030')));
    expect([...file.rows].map((r) => r.cells[0])).toEqual(['培训机构', '𠀾字培训学校', '镕喆']);
  });

  test('Excel\'s ="…" (text kept as text) reads as its text', async () => {
    const file = await readImportFile('classes', 'c.csv', utf8('培训班编号\n"=""00123"""\n'));
    expect([...file.rows][1]!.cells).toEqual(['00123']);
  });
});

describe('files that cannot be read', () => {
  test.each([
    ['an empty file', new Uint8Array(), '「x.csv」是空文件'],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '「x.csv」是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV 后上传'],
    ['a PDF or image', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x13]), '无法识别「x.csv」：请上传 Excel（.xlsx）文件，或 UTF-8、GBK 编码的 CSV 文件'],
    ['bytes no Chinese encoding reads', new Uint8Array([0x81, 0x30, 0xff, 0xfe, 0x41]), '无法识别「x.csv」：请上传 Excel（.xlsx）文件，或 UTF-8、GBK 编码的 CSV 文件'],
    ['more than 200,000 rows', utf8(`年度\n${'2021\n'.repeat(200_001)}`), '文件超过 200,000 行：请按年度或地区分成几个文件导入'],
  ])('%s', async (_, bytes, message) => {
    const read = readImportFile('targets', 'x.csv', bytes);
    await expect(read).rejects.toThrow(ImportFileError);
    await expect(read).rejects.toThrow(message);
  });

  test('200,000 data rows under a header are read', async () => {
    const file = await readImportFile('targets', 'x.csv', utf8(`年度\n${'2021\n'.repeat(200_000)}`));
    expect([...file.rows]).toHaveLength(200_001);
  });
});

describe('a UTF-8 CSV without quotes, read a piece at a time as its rows are asked for', () => {
  /** what the rows must be, from the whole text: a row per line (CRLF, LF or CR), numbered from 1, trailing blank rows dropped */
  const rowsOf = (text: string, separator: string) => {
    const lines = text.split(/\r\n|\n|\r/);
    if (lines.at(-1) === '') lines.pop();
    while (lines.length && lines.at(-1)!.split(separator).every((cell) => cell.trim() === '')) lines.pop();
    return lines.map((line, i) => ({ row: i + 1, cells: line.split(separator) }));
  };
  const asRead = (rows: Iterable<{ row: number; cells: readonly unknown[] }>) => [...rows].map(({ row, cells }) => ({ row, cells }));

  test('a file of several pieces gives the rows and numbers of the whole text: mixed line ends, blank rows inside and at the end, a BOM', async () => {
    const lines = ['培训班编号,县市区代码,培训机构,工种,培训类型,开班日期,结业日期,开班人数,结业人数,补贴人数,补贴标准'];
    for (let i = 1; i <= 12_000; i++) {
      lines.push(i % 997 === 0 ? ' ,\u3000, ' : `C${i},430102,长沙市第${i % 50}职业培训学校,电工,employment,2020-03-02,,40,0,0,1500`);
    }
    // LF after every 501st line, a CR alone after every 733rd, else CRLF; blank lines at the end
    const text = lines.map((line, i) => line + (i % 501 === 0 ? '\n' : i % 733 === 0 ? '\r' : '\r\n')).join('') + ',,\r\n \r\n';
    expect(utf8(text).length).toBeGreaterThan(4 * 256 * 1024); // more than four pieces
    const file = await readImportFile('classes', 'c.csv', withBom(text));
    expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    expect(file.rows).toBeInstanceOf(CsvPieces);
    const expected = rowsOf(text, ',');
    expect(expected).toHaveLength(12_001);
    expect(asRead(file.rows)).toEqual(expected);
    expect(asRead(file.rows)).toEqual(expected); // asked for again: the same
  });

  test('tab-separated, and a first line longer than a piece', async () => {
    const text = `区划代码\t年度\t${'备注'.repeat(200_000)}\n430182\t2021\t\n\n430102\t2022\tx\n`;
    const file = await readImportFile('targets', 't.csv', utf8(text));
    expect(file.rows).toBeInstanceOf(CsvPieces);
    expect(asRead(file.rows)).toEqual(rowsOf(text, '\t'));
  });

  test('a file with a quote, or not UTF-8, is read at once, as before', async () => {
    expect((await readImportFile('targets', 'q.csv', utf8('区划代码,年度\n"430182",2021\n'))).rows).toBeInstanceOf(Array);
    expect((await readImportFile('targets', 'g.csv', gbk('区划代码,年度\n430182,2021\n'))).rows).toBeInstanceOf(Array);
  });
});
