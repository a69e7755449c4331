import { useState } from 'react';
import type { ActionSubject } from '../action-draft.ts';
import { useAccess } from '../auth/signed-in.ts';
import { OpenActionDialog } from './OpenActionDialog.tsx';

/**
 * 督导 (约谈 for a region persistently at the bottom) beside a region, for province posts only: opens the dialog that
 * opens an action on it. Its name begins with the word it shows (「约谈：对郴州市开启督导事项」), so that a voice
 * command saying what one sees finds it.
 */
export function OpenActionButton({ subject }: { subject: ActionSubject }) {
  const access = useAccess();
  const [open, setOpen] = useState(false);
  if (!access.can('direct:supervision', subject.regionCode)) return null;
  const label = subject.alert?.rule === 'persistent-bottom' ? '约谈' : '督导';
  return (
    <>
      <button type="button" className="open-action" onClick={() => setOpen(true)} aria-label={`${label}：对${subject.regionName}开启督导事项`} aria-haspopup="dialog">
        {label}
      </button>
      {open && <OpenActionDialog subject={subject} onClose={() => setOpen(false)} />}
    </>
  );
}
