import { describe, expect, test } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('passwords', () => {
  test('a hash verifies its password and no other, and carries its parameters', async () => {
    const hash = await hashPassword('Changsha2020');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('Changsha2020');
    expect(await verifyPassword('Changsha2020', hash)).toBe(true);
    expect(await verifyPassword('changsha2020', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  test('the same password hashes differently each time (salted)', async () => {
    expect(await hashPassword('Zhuzhou20201')).not.toBe(await hashPassword('Zhuzhou20201'));
  });

  test('a malformed stored hash never verifies', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });
});
