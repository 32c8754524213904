import { formatNumber } from "../labels/count";

interface PaginationProps {
  /** Zero-based index of the page shown. */
  pageIndex: number;
  pageSize: number;
  total: number;
  /** What is paged, for the landmark label: "kandidaten". */
  noun: string;
  onPageChange: (pageIndex: number) => void;
  busy?: boolean;
}

/** "Pagina 2 van 3 · 51–100 van 150" between a previous and a next button. */
export function Pagination({
  pageIndex,
  pageSize,
  total,
  noun,
  onPageChange,
  busy = false,
}: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (pageCount <= 1) return null;
  const first = pageIndex * pageSize + 1;
  const last = Math.min(total, (pageIndex + 1) * pageSize);
  const isFirst = pageIndex <= 0;
  const isLast = pageIndex >= pageCount - 1;
  return (
    <nav className="pagination" aria-label={`Paginering ${noun}`}>
      <button
        type="button"
        className="button button--secondary"
        disabled={isFirst || busy}
        onClick={() => {
          onPageChange(pageIndex - 1);
        }}
      >
        <span aria-hidden="true">‹ </span>Vorige pagina
      </button>
      <p className="pagination__status" aria-live="polite">
        Pagina {formatNumber(pageIndex + 1)} van {formatNumber(pageCount)}
        <span className="pagination__range">
          {" "}
          · {formatNumber(first)}–{formatNumber(last)} van {formatNumber(total)}
        </span>
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={isLast || busy}
        onClick={() => {
          onPageChange(pageIndex + 1);
        }}
      >
        Volgende pagina<span aria-hidden="true"> ›</span>
      </button>
    </nav>
  );
}
