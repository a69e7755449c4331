import { useId, useRef, useState } from 'react';
import { ACCEPTED_EXTENSIONS, UPLOAD_LIMIT_TEXT } from '../../import-report.ts';

/**
 * Where a file is dropped, or chosen with 选择文件 (a real button: Tab reaches it, Enter or Space opens the file
 * chooser). What is accepted is said before anything is sent.
 */
export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <p>将文件拖到这里，或</p>
      <button type="button" className="primary" onClick={() => input.current?.click()} disabled={disabled} aria-describedby={hintId}>选择文件</button>
      <p id={hintId} className="small muted">仅限 Excel 工作簿（.xlsx）或 CSV（.csv，UTF-8 或 GBK），单个文件不超过 {UPLOAD_LIMIT_TEXT}；先试导入校验，确认后才写入。</p>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="选择要导入的文件"
        accept={ACCEPTED_EXTENSIONS.join(',')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
