/** An upload's progress: the bytes sent, then the server's check (no fraction to show while it reads the file). */
export function UploadProgress({ fileName, fraction, applying }: { fileName: string; fraction: number; applying: boolean }) {
  const sent = fraction >= 1;
  const label = sent ? (applying ? `正在导入「${fileName}」…` : `正在校验「${fileName}」…`) : `正在上传「${fileName}」… ${Math.floor(fraction * 100)}%`;
  return (
    <div className="upload-progress" role="status">
      <progress max={1} value={sent ? undefined : fraction} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
