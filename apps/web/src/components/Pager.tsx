/** Previous and next page of a list, with where one is; pages count from 1. */
export function Pager({ page, total, pageSize, onPage }: { page: number; total: number; pageSize: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label="分页">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>上一页</button>
      <span>第 {Math.min(page, pages)} / {pages} 页</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>下一页</button>
    </nav>
  );
}
