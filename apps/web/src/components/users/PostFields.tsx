import { homeRegionProblem, ROLE_IDS, ROLES, type Region, type Role } from '@dispatch/core';

export interface Post {
  displayName: string;
  role: Role;
  regionCode: string;
}

/** The regions a post's home may be, by the rule the server checks (core's homeRegionProblem). */
function RegionSelect({ role, value, onChange, regions }: { role: Role; value: string; onChange: (code: string) => void; regions: readonly Region[] }) {
  return (
    <select required value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">请选择</option>
      {regions.filter((r) => homeRegionProblem(role, r) === null).map((r) => (
        <option key={r.code} value={r.code}>{r.level === 'county' ? `　${r.name}` : r.name}</option>
      ))}
    </select>
  );
}

/** Name, post and home region: a new post clears the region, whose choices depend on it. */
export function PostFields({ value, onChange, regions }: { value: Post; onChange: (post: Post) => void; regions: readonly Region[] }) {
  return (
    <>
      <label><span>姓名/单位</span><input required maxLength={40} value={value.displayName} onChange={(e) => onChange({ ...value, displayName: e.target.value })} /></label>
      <label>
        <span>岗位</span>
        <select value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value as Role, regionCode: '' })}>
          {ROLE_IDS.map((r) => <option key={r} value={r}>{ROLES[r]}</option>)}
        </select>
      </label>
      <label>
        <span>所属地区</span>
        <RegionSelect role={value.role} value={value.regionCode} onChange={(regionCode) => onChange({ ...value, regionCode })} regions={regions} />
      </label>
    </>
  );
}
