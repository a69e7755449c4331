import { expect, test } from 'vitest';
import { fieldErrorsOf, withFieldLabels } from './field-labels.ts';

test('field names in a server message become the form’s labels; unknown ones stay', () => {
  expect(withFieldLabels('参数 currentPassword：当前密码不正确；参数 x：坏', { currentPassword: '当前密码' })).toBe('当前密码：当前密码不正确；参数 x：坏');
});

test('a field the server names in Chinese too reads by the form’s label, or else by the server’s name', () => {
  expect(withFieldLabels('参数 newPassword（新密码）：过短；参数 period（月份）：只能出现一次', { newPassword: '新的密码' })).toBe('新的密码：过短；月份：只能出现一次');
});

test('a server message split by field: each beside its field, named by its label; the rest in words', () => {
  const labels = { 'behindTime.redPoints': '严重落后：较时序进度不高于', 'fallingBack.cityPlaces': '退步：市州名次下降' };
  const message = '参数 behindTime.redPoints（严重落后：较时序进度不高于）：应在 −100 至 0 百分点之间；参数 fallingBack.cityPlaces（退步：市州名次下降）：应为整数；参数 extra：未知的键「extra」，不接受此项';
  expect(fieldErrorsOf(message, labels)).toEqual({
    fields: {
      'behindTime.redPoints': '「严重落后：较时序进度不高于」应在 −100 至 0 百分点之间',
      'fallingBack.cityPlaces': '「退步：市州名次下降」应为整数',
    },
    rest: ['参数 extra：未知的键「extra」，不接受此项'],
  });
  expect(fieldErrorsOf('无权操作', labels)).toEqual({ fields: {}, rest: ['无权操作'] });
});
