import type { ReactNode, Ref } from "react";

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Marks the column that names the row; it becomes the row header for screen readers. */
  rowHeader?: boolean;
  className?: string;
}

interface DataTableProps<T> {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  tableRef?: Ref<HTMLTableElement>;
  busy?: boolean;
  /** Extra attributes per row, e.g. `data-candidate-id` for tests. */
  rowAttributes?: (row: T) => Record<`data-${string}`, string>;
}

/** A plain, readable table with a (visually hidden) caption and proper header cells. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  tableRef,
  busy = false,
  rowAttributes,
}: DataTableProps<T>) {
  return (
    <table
      className={`data-table${busy ? " data-table--busy" : ""}`}
      ref={tableRef}
      tabIndex={-1}
      aria-busy={busy ? true : undefined}
    >
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.className}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowAttributes?.(row)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.key} scope="row" className={column.className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.key} className={column.className}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
