/**
 * Every refusal in plain Chinese, naming what is wrong: zod's, Hono's and Node's own answers included — a repeated
 * parameter, an unknown key, a missing or non-JSON body, a region of the wrong level, a request too long for
 * Node's parser (answered before the app sees it, over a real socket).
 */
import { DEFAULT_ALERT_SETTINGS } from '@dispatch/core';
import { prepareDb } from '@dispatch/db';
import { once } from 'node:events';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type App } from './app.ts';
import { listen } from './listen.ts';
import { adminSession, type TestSession } from './testing/test-session.ts';

let app: App;
let admin: TestSession;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const { db } = await prepareDb({ url: ':memory:', demo: false });
  app = createApp({ db });
  admin = await adminSession(app, db);
  const server = listen(app, { port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

/** Words a library leaks when it describes a type or a target in English. */
const ENGLISH_TYPE_WORDS = /\b(string|number|int|object|array|undefined|null|boolean|json|key|Unsupported|Media)\b/;

async function refusal(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

const get = async (path: string) => refusal(await app.request(path, { headers: admin.read }));
const putSettings = async (body: string | undefined, headers: Record<string, string> = admin.write) =>
  refusal(await app.request('/api/settings/alerts', { method: 'PUT', headers, body }));
const withoutContentType = () => Object.fromEntries(Object.entries(admin.write).filter(([name]) => name !== 'content-type'));

describe('query parameters', () => {
  test.each([
    ['/api/metrics?period=2020-05&period=2020-06', '参数 period（月份）：只能出现一次'],
    ['/api/metrics?level=city&level=county', '参数 level（级别）：只能出现一次'],
    ['/api/audit?page=1&page=2', '参数 page（页码）：只能出现一次'],
    ['/api/metrics?level=county&parent=430000', '参数 parent（上级地区）：湖南省（430000）不是县市区的上级，应为市州代码'],
    ['/api/metrics?level=city&parent=430100', '参数 parent（上级地区）：长沙市（430100）不是市州的上级，应为省代码'],
    ['/api/metrics?level=province&parent=430000', '参数 parent（上级地区）：省级没有上级地区'],
  ])('%s: %s', async (path, message) => {
    const refused = await get(path);
    expect(refused).toEqual({ status: 400, code: 'BAD_REQUEST', message });
    expect(refused.message).not.toMatch(ENGLISH_TYPE_WORDS);
  });
});

describe('JSON bodies', () => {
  const settings = (change: Record<string, unknown>) => JSON.stringify({ ...DEFAULT_ALERT_SETTINGS, ...change });

  test.each([
    ['an unknown key at the top', settings({ extra: 1 }), '参数 extra：未知的键「extra」，不接受此项'],
    ['an unknown key inside a rule', settings({ fallingBack: { ...DEFAULT_ALERT_SETTINGS.fallingBack, extra: 1 } }), '参数 fallingBack.extra：未知的键「extra」，不接受此项'],
    ['a rule missing', JSON.stringify({ ...DEFAULT_ALERT_SETTINGS, fundsLagging: undefined }), '参数 fundsLagging（资金执行滞后的阈值）：缺少「资金执行滞后」的阈值'],
    ['a threshold as text', settings({ behindTime: { redPoints: '-12', redShareOfProvince: 0.75 } }), '参数 behindTime.redPoints（严重落后：较时序进度不高于）：应为数字'],
    ['a threshold out of bounds', settings({ persistentBottom: { cities: 14, counties: 10, months: 3 } }), '参数 persistentBottom.cities（持续靠后：市州后）：应在 1 至 13 位之间'],
    ['null', 'null', '请求体须为 JSON 对象'],
    ['a list', '[]', '请求体须为 JSON 对象'],
    ['text', '"x"', '请求体须为 JSON 对象'],
  ])('%s: %s', async (_, body, message) => {
    const refused = await putSettings(body);
    expect(refused).toEqual({ status: 400, code: 'BAD_REQUEST', message });
    expect(refused.message).not.toMatch(ENGLISH_TYPE_WORDS);
  });

  test('no body at all is a missing body, not nine missing fields', async () => {
    expect(await putSettings(undefined, withoutContentType())).toEqual({ status: 400, code: 'BAD_REQUEST', message: '请求体须为 JSON 对象' });
  });

  test.each([
    ['PUT', '/api/settings/alerts', JSON.stringify(DEFAULT_ALERT_SETTINGS)],
    ['POST', '/api/users', JSON.stringify({ login: 'x' })],
    ['POST', '/api/auth/password', JSON.stringify({})],
  ])('%s %s with Content-Type text/plain is a 415 in Chinese', async (method, path, body) => {
    const refused = await refusal(await app.request(path, { method, headers: { ...admin.write, 'content-type': 'text/plain' }, body }));
    expect(refused).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求体须为 JSON 对象，请求头 Content-Type 须注明 JSON 格式' });
    expect(refused.message).not.toMatch(ENGLISH_TYPE_WORDS);
  });
});

describe('requests Node refuses before the app sees them, over a real socket', () => {
  test.each([
    ['a 60 KB query string', `/api/metrics?q=${'a'.repeat(60 * 1024)}`],
    ['3,000 repeated parameters', `/api/metrics?${Array.from({ length: 3000 }, () => 'period=2020-05').join('&')}`],
  ])('%s: 431 with a JSON body in Chinese', async (_, path) => {
    const response = await fetch(`${url}${path}`, { headers: admin.read });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const refused = await refusal(response);
    expect(refused).toEqual({ status: 431, code: 'REQUEST_TOO_LONG', message: '请求地址或请求头过长（超过 16 KB）：请减少或缩短查询参数' });
  });

  test('a request line that is not HTTP: 400 with a JSON body in Chinese', async () => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    await once(socket, 'connect');
    socket.write('NOT HTTP AT ALL\r\n\r\n');
    let raw = '';
    socket.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    await once(socket, 'close');
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'BAD_REQUEST', message: '请求格式不正确，无法解析' } });
  });
});
