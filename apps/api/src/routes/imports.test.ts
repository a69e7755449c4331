import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { appWithAccount, signIn, type TestSession } from '../testing/test-session.ts';

let app: Awaited<ReturnType<typeof appWithAccount>>['app'];
let session: TestSession;

beforeAll(async () => {
  ({ app } = await appWithAccount('city', 'city-leader', '430100'));
  session = await signIn(app, 'city');
});

describe('GET /api/imports/templates/{kind}.xlsx', () => {
  test('answers the kind\'s template under its Chinese name', async () => {
    const response = await app.request('/api/imports/templates/audits.xlsx', { headers: session.read });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain("filename*=UTF-8''资金审核导入模板.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['资金审核', '填表说明']);
  });

  test.each(['teachers.xlsx', 'classes.csv', 'classes'])('%s is a 400 naming the four templates', async (file) => {
    const response = await app.request(`/api/imports/templates/${file}`, { headers: session.read });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('模板应为 classes.xlsx、audits.xlsx、targets.xlsx 或 allocations.xlsx');
  });
});
