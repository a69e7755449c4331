import { useState } from 'react';
import type { ActionSubject } from '../action-draft.ts';
import { useAccess } from '../auth/signed-in.ts';
import { OpenActionDialog } from './OpenActionDialog.tsx';

/** 督导 beside a region, for province posts only: opens the dialog that opens an action on it. */
export function OpenActionButton({ subject }: { subject: ActionSubject }) {
  const access = useAccess();
  const [open, setOpen] = useState(false);
  if (!access.can('direct:supervision', subject.regionCode)) return null;
  const label = subject.alert?.rule === 'persistent-bottom' ? '约谈' : '督导';
  return (
    <>
      <button type="button" className="open-action" onClick={() => setOpen(true)} aria-label={`对${subject.regionName}开启督导事项`} aria-haspopup="dialog">
        {label}
      </button>
      {open && <OpenActionDialog subject={subject} onClose={() => setOpen(false)} />}
    </>
  );
}
