import type { Region } from '@dispatch/core';

/** The province's bulletin or one city's extract (摘编, as the archive and the files call it); the person's own city is 「本市摘编」. */
export function BulletinCityPicker({ cities, city, own, onChange }: {
  cities: readonly Region[];
  city: string | null;
  own: string | null;
  onChange: (city: string | null) => void;
}) {
  return (
    <label className="bulletin-city">
      范围
      <select value={city ?? ''} onChange={(event) => onChange(event.target.value || null)} aria-label="通报范围">
        <option value="">全省通报</option>
        {cities.map((c) => (
          <option key={c.code} value={c.code}>{c.code === own ? `本市摘编（${c.shortName}）` : `${c.shortName}摘编`}</option>
        ))}
      </select>
    </label>
  );
}
