/** Login names: what the command line, the account screen and the server accept. */
export const LOGIN_PATTERN = /^[A-Za-z0-9._-]{2,32}$/;
export const LOGIN_RULE = '登录名应为 2–32 个字母、数字、点、下划线或连字符';

export const MIN_PASSWORD_LENGTH = 10;
export const PASSWORD_RULE = `至少 ${MIN_PASSWORD_LENGTH} 个字符，须同时包含字母和数字`;

/** A reason in Chinese, or null when the password is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}
