import { formatPeriodLabel } from '@dispatch/core';
import { useAccess } from '../auth/signed-in.ts';
import { BulletinArchive } from '../components/bulletin/BulletinArchive.tsx';
import { BulletinCityPicker } from '../components/bulletin/BulletinCityPicker.tsx';
import { BulletinDownloads } from '../components/bulletin/BulletinDownloads.tsx';
import { BulletinEditor } from '../components/bulletin/BulletinEditor.tsx';
import { BulletinIssue } from '../components/bulletin/BulletinIssue.tsx';
import { BulletinPreview } from '../components/bulletin/BulletinPreview.tsx';
import { BulletinUnprintable } from '../components/bulletin/BulletinUnprintable.tsx';
import { Status } from '../components/Status.tsx';
import { useBulletinCity } from '../hooks/use-bulletin-city.ts';
import { useBulletinDraftQuery } from '../hooks/use-bulletin-draft-query.ts';
import { useIssuedBulletinsQuery } from '../hooks/use-issued-bulletins.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { usePeriod } from '../hooks/use-period.ts';

/**
 * The month's bulletin (通报) as its live draft: the document previewed as a paper sheet from the same model as its
 * files, the province's or a city's extract, with the parts staff write editable in place by those who publish
 * bulletins (the province's, not an extract: an extract shows the same text), and its files to download. Those posts
 * issue it (印发, then 发布更正); the archive of issued bulletins, with their frozen files, is for everyone.
 */
export function BulletinsPage() {
  const { period } = usePeriod();
  const { city, own, cities, setCity, unknown } = useBulletinCity();
  const draft = useBulletinDraftQuery(period, city);
  const canEdit = useAccess().can('publish:bulletin') && city === null;
  const archive = useIssuedBulletinsQuery();
  const document = draft.data;
  usePageTitle(document ? `${document.title}（草稿）` : '通报');
  const stale = draft.isPlaceholderData;

  return (
    <main className="page bulletins-page">
      <div className="page-head no-print">
        <h1>月通报 <small className="muted">{formatPeriodLabel(period)} · 草稿</small></h1>
        <div className="bulletin-tools">
          <BulletinCityPicker cities={cities} city={city} own={own} onChange={setCity} />
          {document && <BulletinDownloads period={period} city={city} title={document.title} />}
        </div>
      </div>
      {unknown !== null && (
        <p className="period-notice no-print" role="status">
          地址中的“{unknown}”不是市州代码，已显示{city ? `${cities.find((c) => c.code === city)?.name ?? ''}摘编` : '全省通报'}。
        </p>
      )}
      <p className="muted small no-print">草稿由当前数据实时生成，数据更正后随之变化；正式印发后的通报不再改变。</p>
      {canEdit && archive.data && document && !stale && <BulletinIssue period={period} archive={archive.data} draft={document} />}
      <Status query={archive}>{archive.data && <BulletinArchive bulletins={archive.data} cities={cities} own={own} />}</Status>
      <Status query={draft}>
        {document && !stale && <BulletinUnprintable found={document.unprintable ?? []} />}
        {document && (
          <div className={stale ? 'bulletin-desk is-stale' : 'bulletin-desk'} aria-busy={stale}>
            {canEdit && !stale ? (
              <BulletinEditor key={`${document.period}|${document.draft?.version ?? 0}`} document={document} onReload={() => void draft.refetch()} />
            ) : (
              <BulletinPreview document={document} />
            )}
          </div>
        )}
      </Status>
    </main>
  );
}
