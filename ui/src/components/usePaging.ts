import { useRef, useState } from "react";

/**
 * Page index for a paged table, and a change handler that moves focus to the table, so the
 * keyboard user lands on the new rows instead of on a button that may just have been disabled.
 */
export function usePaging() {
  const [pageIndex, setPageIndex] = useState(0);
  const tableRef = useRef<HTMLTableElement>(null);
  function changePage(next: number) {
    setPageIndex(Math.max(0, next));
    tableRef.current?.focus();
    tableRef.current?.scrollIntoView({ block: "start" });
  }
  return { pageIndex, changePage, tableRef };
}
