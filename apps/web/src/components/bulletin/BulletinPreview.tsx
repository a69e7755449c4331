import { addresseeLine, bulletinTitleLines, type BulletinBlock, type BulletinDocument, type BulletinEditable } from '@dispatch/core';
import type { ReactNode } from 'react';
import { bodyPieces } from '../../bulletin-draft.ts';
import { BulletinChartView } from './BulletinChartView.tsx';
import { BulletinTableView } from './BulletinTableView.tsx';

function Block({ block }: { block: BulletinBlock }) {
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? <h3 className="bulletin-h1">{block.text}</h3> : <h4 className="bulletin-h2">{block.text}</h4>;
    case 'paragraph':
      return <p className="bulletin-p">{block.text}</p>;
    case 'table':
      return <BulletinTableView table={block.table} />;
    case 'chart':
      return <BulletinChartView chart={block.chart} />;
  }
}

/** 第N期 and the document number; a draft not yet numbered leaves the number blank, as a form does. */
function numberLine(document: BulletinDocument): string {
  const issue = document.issueNumber === null ? '第　期' : `第${document.issueNumber}期`;
  return [`${issue}${document.version > 1 ? '（更正）' : ''}`, document.documentNumber ?? ''].filter(Boolean).join('　');
}

/**
 * The bulletin as a paper document, from the same document model as its PDF and Word files: marks (草稿, 演示数据),
 * title, number line, addressees, the body, the list of attachments, issuer and date, then each attachment. The
 * parts staff write are drawn by `editable` when given (the editor's text boxes), else as paragraphs.
 */
export function BulletinPreview({ document, draft = true, editable }: {
  document: BulletinDocument;
  draft?: boolean;
  editable?: (key: BulletinEditable, paragraphs: string[]) => ReactNode;
}) {
  return (
    <article className="bulletin-sheet" aria-label={document.title}>
      <div className="bulletin-marks">
        {draft && <span className="bulletin-mark-draft">草稿</span>}
        {document.demo && <span className="bulletin-mark-demo">演示数据 · 非真实统计</span>}
      </div>
      {/* the lines the PDF and the Word copy print, each kept whole (a narrow screen wraps a line, never a word across lines) */}
      <h2 className="bulletin-title">{bulletinTitleLines(document.title).map((line, i) => <span key={i} className="bulletin-title-line">{line}</span>)}</h2>
      <p className="bulletin-number">{numberLine(document)}</p>
      <p className="bulletin-addressees">{addresseeLine(document.addressees)}</p>
      {bodyPieces(document.body).map((piece, index) =>
        piece.kind === 'block' ? (
          <Block key={index} block={piece.block} />
        ) : (
          <div key={index} className="bulletin-editable" data-part={piece.key}>
            {editable ? editable(piece.key, piece.paragraphs) : piece.paragraphs.map((text, i) => <p key={i} className="bulletin-p">{text}</p>)}
          </div>
        ),
      )}
      {document.attachments.length === 1 && <p className="bulletin-attachment-list">附件：{document.attachments[0]!.title}</p>}
      {document.attachments.length > 1 && (
        <div className="bulletin-attachment-list">
          <span>附件：</span>
          <ol>
            {document.attachments.map((a) => <li key={a.number}>{a.number}. {a.title}</li>)}
          </ol>
        </div>
      )}
      <div className="bulletin-signature">
        <p>{document.issuer}</p>
        <p>{document.dateText}</p>
      </div>
      {document.attachments.map((attachment) => (
        <section key={attachment.number} className={`bulletin-attachment ${attachment.orientation}`} aria-label={`附件${attachment.number}`}>
          <p className="bulletin-attachment-label">{document.attachments.length > 1 ? `附件${attachment.number}` : '附件'}</p>
          <h3 className="bulletin-attachment-title">{attachment.title}</h3>
          <BulletinTableView table={attachment.table} showTitle={false} />
        </section>
      ))}
    </article>
  );
}
