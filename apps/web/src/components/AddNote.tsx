import { shortRegionName, type Region } from '@dispatch/core';
import { useEffect, useRef, useState } from 'react';
import { useAccess } from '../auth/signed-in.ts';
import { useCreateNoteMutation } from '../hooks/use-create-note-mutation.ts';
import { NoteForm } from './NoteForm.tsx';

/**
 * 添加说明 for a month, on one region or a choice of them (the city view: the city and its counties). Shown only
 * to those who may write about at least one of them; the server checks again.
 */
export function AddNote({ period, regions, buttonLabel = '添加说明' }: { period: string; regions: readonly Region[]; buttonLabel?: string }) {
  const access = useAccess();
  const allowed = regions.filter((r) => access.can('write:supervision', r.code));
  const [open, setOpen] = useState(false);
  const [regionCode, setRegionCode] = useState('');
  const create = useCreateNoteMutation(() => setOpen(false));
  // Back from the form (saved or cancelled), the keyboard continues from the button that opened it.
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (allowed.length === 0) return null;
  const close = () => {
    setOpen(false);
    create.reset();
  };
  if (!open) {
    return <button ref={button} type="button" className="secondary add-note" onClick={() => setOpen(true)}>{buttonLabel}</button>;
  }
  const only = allowed.length === 1 ? allowed[0]! : undefined;
  const chosen = only?.code ?? regionCode;
  return (
    <NoteForm
      label={only ? `${shortRegionName(only.name, only.level)}的情况说明` : '说明内容'}
      pending={create.isPending}
      error={create.error}
      onCancel={close}
      onSave={(text) => {
        if (!chosen) return;
        create.mutate({ regionCode: chosen, period, text });
      }}
    >
      {!only && (
        <label className="note-region">
          地区
          <select value={regionCode} required onChange={(e) => setRegionCode(e.target.value)}>
            <option value="">请选择地区</option>
            {allowed.map((r) => <option key={r.code} value={r.code}>{shortRegionName(r.name, r.level)}</option>)}
          </select>
        </label>
      )}
    </NoteForm>
  );
}
