import { useEffect } from 'react';

const PRODUCT = '技能提升行动月调度平台';

/** The browser tab says which screen it is (「2020年1—5月各市州完成情况排名 · 技能提升行动月调度平台」). */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);
}
