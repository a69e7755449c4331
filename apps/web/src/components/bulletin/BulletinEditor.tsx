import { BULLETIN_EDITABLE_LABELS, formatBeijingDateTime, type BulletinDocument, type BulletinEditable } from '@dispatch/core';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { ApiError } from '../../api/fetch-json.ts';
import { EDITABLE_PARTS, editableTexts, editsToSave, isChanged, type EditableTexts } from '../../bulletin-draft.ts';
import { useLeaveWarning } from '../../hooks/use-leave-warning.ts';
import { useSaveBulletinDraftMutation } from '../../hooks/use-save-bulletin-draft-mutation.ts';
import { BulletinPreview } from './BulletinPreview.tsx';

const LEAVE = '通报草稿有未保存的修改，离开将丢失这些修改。确定离开吗？';

/** Who saved the draft's text last, and when; or that it is still the wording drafted from the data. */
function savedLine(document: BulletinDocument): string {
  const draft = document.draft;
  if (!draft || draft.version === 0) return '尚未修改：存在问题、下一步工作要求为按数据生成的文字';
  const who = draft.updatedBy ?? '—';
  return `已保存（第 ${draft.version} 版）：${who}${draft.updatedAt ? ` · ${formatBeijingDateTime(draft.updatedAt)}` : ''}`;
}

/**
 * The preview with the parts staff write as text boxes in place (one paragraph a line), saved together from the
 * version shown (保存 or Ctrl+Enter). A refused save is said in the sticky bar (role=alert), a refused part also
 * under its text box; a newer version saved by someone else is said there, with a way to load it; leaving
 * with unsaved text is questioned. Mounted afresh for each version (its key), so a save shows the saved text.
 */
export function BulletinEditor({ document, onReload }: { document: BulletinDocument; onReload: () => void }) {
  const shown = useMemo(() => editableTexts(document), [document]);
  const [texts, setTexts] = useState<EditableTexts>(shown);
  const save = useSaveBulletinDraftMutation(document.period);
  const dirty = EDITABLE_PARTS.some((key) => isChanged(shown, texts, key));
  useLeaveWarning(dirty, LEAVE);
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  // a refused part (「…」不在通报所用字体中) is named by the server as edits.problems / edits.requirements
  const refused = save.isError && !conflict ? EDITABLE_PARTS.find((key) => save.error.message.includes(`edits.${key}`)) : undefined;
  const failure = save.isError
    ? conflict ? '保存失败：该草稿已被他人保存了新版本。重新加载将显示他人的修改，您未保存的文字将丢失。' : `保存失败：${save.error.message}`
    : null;

  const submit = () => {
    if (!dirty || save.isPending) return;
    save.mutate({ edits: editsToSave(document.draft?.edits ?? {}, shown, texts), version: document.draft?.version ?? 0 });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };
  // Printed, the part is its paragraphs as typed, not a text box.
  const box = (key: BulletinEditable) => (<>
    <div className="print-only">{texts[key].split('\n').filter((line) => line.trim()).map((line, i) => <p key={i} className="bulletin-p">{line.trim()}</p>)}</div>
    <textarea
      className="bulletin-textarea no-print"
      aria-label={BULLETIN_EDITABLE_LABELS[key]}
      value={texts[key]}
      rows={Math.max(3, texts[key].split('\n').length * 2)}
      aria-invalid={refused === key || undefined}
      aria-describedby={refused === key ? 'bulletin-save-error' : undefined}
      onChange={(event) => setTexts({ ...texts, [key]: event.target.value })}
      onKeyDown={onKeyDown}
    />
    {refused === key && <p className="error small no-print bulletin-part-error">{failure}</p>}
  </>);

  return (
    <>
      <div className="bulletin-editbar no-print" role="group" aria-label="草稿修改">
        <span className={dirty ? 'bulletin-dirty' : 'muted'} role="status">{dirty ? '有未保存的修改' : savedLine(document)}</span>
        <span className="muted small hover-only">在文中直接修改「存在问题」「下一步工作要求」，一行一段；清空则恢复按数据生成的文字；Ctrl+Enter 保存</span>
        <button type="button" className="primary" onClick={submit} disabled={!dirty || save.isPending}>{save.isPending ? '正在保存…' : '保存'}</button>
        {dirty && !save.isPending && <button type="button" className="link-button" onClick={() => setTexts(shown)}>放弃修改</button>}
        {/* a refused save is said in the bar that stays at the top of the screen, where the person is typing */}
        {failure && (
          <p id="bulletin-save-error" className="error bulletin-save-error" role="alert">
            {failure}
            {conflict && <button type="button" className="link-button" onClick={() => { save.reset(); onReload(); }}>重新加载</button>}
          </p>
        )}
      </div>
      <BulletinPreview document={document} editable={(key) => box(key)} />
    </>
  );
}
