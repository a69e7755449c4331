import { NOT_IN_FONTS, type BulletinUnprintable as Unprintable } from '@dispatch/core';

/**
 * 提示 above the draft: characters from the data (a region's note, a name, a 文号) that the bulletin's fonts cannot
 * print, each with where it is; the server refuses to issue until they are changed, and the button says so.
 */
export function BulletinUnprintable({ found }: { found: readonly Unprintable[] }) {
  if (found.length === 0) return null;
  return (
    <div className="bulletin-unprintable no-print" role="note" aria-label="提示：有印不出的字">
      <p><strong>提示：</strong>以下文字来自数据，{NOT_IN_FONTS}；修改这些数据后才能印发。</p>
      <ul>
        {found.map((f) => <li key={`${f.char}|${f.where}`}>「{f.char}」（{f.where}）</li>)}
      </ul>
    </div>
  );
}
