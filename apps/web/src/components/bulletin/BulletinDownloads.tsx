import { useState, type MouseEvent } from 'react';
import type { ErrorBody } from '@dispatch/core';
import { bulletinDraftPath } from '../../hooks/use-bulletin-draft-query.ts';

const FORMATS = [
  { format: 'pdf', label: '下载 PDF' },
  { format: 'docx', label: '下载 Word' },
  { format: 'xlsx', label: '下载 Excel' },
] as const;

/** The file's name from the server's Content-Disposition (filename* first), else the title and the format. */
function fileName(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * The draft's files. Each link names its file's address; a click fetches it first, so that a refusal (a format not
 * offered yet, a month without data) is said in the server's words beside the buttons instead of a broken download.
 */
export function BulletinDownloads({ period, city, title }: { period: string; city: string | null; title: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (event: MouseEvent<HTMLAnchorElement>, format: string) => {
    event.preventDefault();
    setBusy(format);
    setError(null);
    const path = event.currentTarget.getAttribute('href')!;
    try {
      const response = await fetch(path);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
        setError(body?.error?.message ?? `服务器回答 ${response.status}`);
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName(response, `${title}（草稿）.${format}`) });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError('无法连接服务器，请检查网络后重试');
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="bulletin-downloads no-print" role="group" aria-label="下载草稿">
      {FORMATS.map(({ format, label }) => (
        <a key={format} className="button" href={bulletinDraftPath(period, format, city)} download onClick={(event) => void download(event, format)} aria-busy={busy === format}>
          {busy === format ? '正在生成…' : label}
        </a>
      ))}
      {error && <p className="error bulletin-download-error" role="alert">下载失败：{error}</p>}
    </div>
  );
}
