import { expect, test } from 'vitest';
import { withFieldLabels } from './field-labels.ts';

test('field names in a server message become the form’s labels; unknown ones stay', () => {
  expect(withFieldLabels('参数 currentPassword：当前密码不正确；参数 x：坏', { currentPassword: '当前密码' })).toBe('当前密码：当前密码不正确；参数 x：坏');
});
