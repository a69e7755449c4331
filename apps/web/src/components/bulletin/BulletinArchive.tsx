import { formatBeijingDateTime, formatPeriodLabel, type IssuedBulletin, type Region } from '@dispatch/core';
import { useRef, useState } from 'react';

const FILES = [['pdf', 'PDF'], ['docx', 'Word'], ['xlsx', 'Excel']] as const;

/**
 * The start of a SHA-256 and a button copying it whole (to compare a copy with); where the clipboard is refused, the
 * whole hash is shown instead, selected, to copy by hand.
 */
function HashCopy({ hash, label }: { hash: string; label: string }) {
  const [state, setState] = useState<'short' | 'copied' | 'full'>('short');
  const code = useRef<HTMLElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(hash);
      setState('copied');
      setTimeout(() => setState('short'), 2000);
    } catch {
      setState('full');
      setTimeout(() => code.current && getSelection()?.selectAllChildren(code.current));
    }
  };
  return (
    <span className="bulletin-hash">
      <code ref={code} title={hash} className={state === 'full' ? 'is-full' : undefined}>{state === 'full' ? hash : `${hash.slice(0, 12)}…`}</code>
      <button type="button" className="link-button" onClick={() => void copy()} aria-label={`复制${label}的完整 SHA-256`}>
        {state === 'copied' ? '已复制' : '复制'}
      </button>
    </span>
  );
}

/**
 * One issued bulletin's city extracts, frozen with it: a city's people get their own city first (and chosen), the
 * province's posts a picker of the 14. A bulletin issued before extracts were kept says it has none.
 */
function ExtractLinks({ bulletin, cities, own }: { bulletin: IssuedBulletin; cities: readonly Region[]; own: string | null }) {
  const ordered = [...cities].sort((a, b) => Number(b.code === own) - Number(a.code === own));
  // The reader's choice; until they choose, their own city. Not `useState(own)`: `own` may arrive after the first
  // render (the region list loads on its own), and a state seeded then would stay empty while the select shows 本市.
  const [chosenCode, setCity] = useState<string>('');
  const city = chosenCode || own || '';
  if (!bulletin.extracts) return <p className="muted small bulletin-card-extracts">印发时尚未保存市州摘编</p>;
  const chosen = cities.find((c) => c.code === city);
  return (
    <div className="bulletin-card-extracts">
      <label>
        市州摘编
        <select value={city} onChange={(event) => setCity(event.target.value)} aria-label={`第${bulletin.number}期第 ${bulletin.version} 版的市州摘编`}>
          {own === null && <option value="">选择市州…</option>}
          {ordered.map((c) => <option key={c.code} value={c.code}>{c.code === own ? `本市（${c.name}）` : c.name}</option>)}
        </select>
      </label>
      {chosen && (
        <span className="bulletin-card-files">
          {FILES.map(([format, label]) => (
            <a key={format} href={`/api/bulletins/${bulletin.id}.${format}?city=${chosen.code}`} download aria-label={`下载第${bulletin.number}期第 ${bulletin.version} 版${chosen.name}摘编 ${label}`}>{label}</a>
          ))}
        </span>
      )}
    </div>
  );
}

/**
 * The issued bulletins, newest first, a card each (they stack on a phone, sit side by side on a desk): month, 第N期
 * and version, who issued it and when, the start of the PDF's SHA-256 with a button copying it whole (all three on
 * hover), the files as issued, and its city extracts.
 */
export function BulletinArchive({ bulletins, cities, own }: { bulletins: readonly IssuedBulletin[]; cities: readonly Region[]; own: string | null }) {
  return (
    <section className="bulletin-archive no-print" aria-labelledby="bulletin-archive-title">
      <h2 id="bulletin-archive-title">已印发的通报</h2>
      {bulletins.length === 0 ? (
        <p className="muted">尚未印发通报。</p>
      ) : (
        <ol className="bulletin-archive-list">
          {bulletins.map((b) => (
            <li key={b.id} className="bulletin-card" data-bulletin={b.id} aria-label={`${formatPeriodLabel(b.period)}通报第${b.number}期第 ${b.version} 版`}>
              <p className="bulletin-card-head">
                <strong>{formatPeriodLabel(b.period)}</strong>
                <span className="bulletin-card-number">第{b.number}期{b.version > 1 ? '（更正）' : ''}</span>
                <span className="bulletin-card-version">第 {b.version} 版{b.latest ? '' : <span className="muted">（已更正）</span>}</span>
              </p>
              <dl className="bulletin-card-facts">
                <dt>印发人</dt><dd className="bulletin-card-issuer">{b.issuedBy}</dd>
                <dt>时间</dt><dd>{formatBeijingDateTime(b.issuedAt)}</dd>
                {b.documentNumber && <><dt>文号</dt><dd>{b.documentNumber}</dd></>}
                <dt>SHA-256</dt>
                <dd title={`PDF ${b.sha256.pdf}\nWord ${b.sha256.docx}\nExcel ${b.sha256.xlsx}`}><HashCopy hash={b.sha256.pdf} label={`第${b.number}期第 ${b.version} 版 PDF`} /></dd>
              </dl>
              <p className="bulletin-card-files">
                <span className="muted">全省通报</span>
                {FILES.map(([format, label]) => (
                  <a key={format} href={`/api/bulletins/${b.id}.${format}`} download aria-label={`下载第${b.number}期第 ${b.version} 版 ${label}`}>{label}</a>
                ))}
              </p>
              <ExtractLinks bulletin={b} cities={cities} own={own} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
