import { call } from './http.ts';

export interface Session {
  login: string;
  cookie: string;
  csrf: string;
}

/** Signs in through the real route, as the web app does. */
export async function signIn(base: string, login: string, password: string): Promise<Session> {
  const answer = await call<{ csrfToken: string }>(base, 'POST', '/api/auth/login', { body: { login, password } });
  if (answer.status !== 200) throw new Error(`sign-in as ${login}: ${answer.status} ${answer.text}`);
  const setCookie = answer.headers['set-cookie'];
  const cookie = String(Array.isArray(setCookie) ? setCookie[0] : (setCookie ?? '')).split(';')[0]!;
  return { login, cookie, csrf: answer.body.csrfToken };
}
