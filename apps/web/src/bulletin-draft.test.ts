import type { BulletinBlock, BulletinDocument } from '@dispatch/core';
import { describe, expect, test } from 'vitest';
import { bodyPieces, editableTexts, editsToSave } from './bulletin-draft.ts';

const heading = (text: string): BulletinBlock => ({ kind: 'heading', level: 1, text });
const para = (text: string, editable?: 'problems' | 'requirements'): BulletinBlock => ({ kind: 'paragraph', text, ...(editable ? { editable } : {}) });
const doc = (body: BulletinBlock[]) => ({ body }) as BulletinDocument;

const body = [heading('四、存在问题'), para('一是甲。', 'problems'), para('二是乙。', 'problems'), heading('五、下一步工作要求'), para('一是丙。', 'requirements'), para('说明。')];

describe('the preview body', () => {
  test('a part staff write is one piece, its paragraphs in order; other blocks stay as they are', () => {
    expect(bodyPieces(body)).toEqual([
      { kind: 'block', block: body[0] },
      { kind: 'editable', key: 'problems', paragraphs: ['一是甲。', '二是乙。'] },
      { kind: 'block', block: body[3] },
      { kind: 'editable', key: 'requirements', paragraphs: ['一是丙。'] },
      { kind: 'block', block: body[5] },
    ]);
  });

  test('each part reads as one paragraph a line', () => {
    expect(editableTexts(doc(body))).toEqual({ problems: '一是甲。\n二是乙。', requirements: '一是丙。' });
  });
});

describe('what a save sends', () => {
  const shown = { problems: '一是甲。\n二是乙。', requirements: '一是丙。' };
  test.each([
    ['nothing when nothing was written or changed', {}, shown, {}],
    ['a changed part only, its lines trimmed and blank lines dropped', {}, { ...shown, requirements: ' 一是丁。\n\n二是戊。 ' }, { requirements: '一是丁。\n二是戊。' }],
    ['not a part whose only change is blank lines', {}, { ...shown, problems: '一是甲。\n\n二是乙。\n' }, {}],
    ['a part written before, even unchanged, so that it is kept', { problems: '一是甲。\n二是乙。' }, shown, { problems: '一是甲。\n二是乙。' }],
    ['an emptied part as empty (the drafted wording comes back)', { requirements: '一是丙。' }, { ...shown, requirements: '  ' }, { requirements: '' }],
  ])('%s', (_name, saved, texts, expected) => {
    expect(editsToSave(saved, shown, texts)).toEqual(expected);
  });
});
