import { NOTE_MAX_LENGTH, noteLength, noteTextProblem } from '@dispatch/core';
import { useId, useState, type ReactNode } from 'react';
import { withFieldLabels } from '../api/field-labels.ts';

const LABELS = { text: '说明内容', period: '月份', regionCode: '地区', version: '版本' };

/**
 * A note's text with a live count (as the server counts: trimmed, characters), 保存 and 取消. Ctrl+Enter saves,
 * Esc cancels. `children` go above the text (the city view's choice of region).
 */
export function NoteForm({ initial = '', label, pending, error, onSave, onCancel, children }: {
  initial?: string;
  label: string;
  pending: boolean;
  error: Error | null;
  onSave: (text: string) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const [text, setText] = useState(initial);
  const id = useId();
  const length = noteLength(text);
  const problem = noteTextProblem(text);
  const over = length > NOTE_MAX_LENGTH;
  return (
    <form
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) onSave(text.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.requestSubmit();
      }}
    >
      {children}
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea
        id={`${id}-text`}
        value={text}
        rows={3}
        autoFocus
        aria-describedby={`${id}-count`}
        aria-invalid={over}
        placeholder="如：受疫情影响，5月起集中开班"
        onChange={(e) => setText(e.target.value)}
      />
      <div className="note-form-foot">
        <span id={`${id}-count`} className={over ? 'note-count error' : 'note-count muted'}>
          {length}/{NOTE_MAX_LENGTH} 字{over ? `，超出 ${length - NOTE_MAX_LENGTH} 字` : ''}
        </span>
        <button type="submit" className="button" disabled={pending || problem !== null}>{pending ? '正在保存…' : '保存'}</button>
        <button type="button" className="secondary" onClick={onCancel}>取消</button>
      </div>
      {error && <p className="error" role="alert">{withFieldLabels(error.message, LABELS)}</p>}
    </form>
  );
}
