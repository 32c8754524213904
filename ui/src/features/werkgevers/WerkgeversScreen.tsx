import { CountLine } from "../../components/CountLine";
import { DataTable } from "../../components/DataTable";
import { DemoDataPointer } from "../../components/DemoDataPointer";
import { EmptyState } from "../../components/EmptyState";
import { LoadingState } from "../../components/LoadingState";
import { Pagination } from "../../components/Pagination";
import { QueryError } from "../../components/QueryError";
import { Screen } from "../../components/Screen";
import { usePaging } from "../../components/usePaging";
import { formatNumber } from "../../labels/count";
import { PAGE_SIZE, useEmployersPage } from "../../queries/usePagedList";
import { EMPLOYER_COLUMNS } from "./employerColumns";

/** Werkgevers: the employer portfolio, 50 per page. */
export function WerkgeversScreen() {
  const { pageIndex, changePage, tableRef } = usePaging();
  const query = useEmployersPage(pageIndex);

  function body() {
    if (query.isPending) return <LoadingState label="Werkgevers worden geladen…" />;
    if (query.isError) {
      return (
        <QueryError
          error={query.error}
          onRetry={() => {
            void query.refetch();
          }}
        />
      );
    }
    const { total, items } = query.data;
    if (total === 0) {
      return (
        <>
          <CountLine id="employer-count" count={0} singular="werkgever" plural="werkgevers" />
          <EmptyState title="Nog geen werkgevers">
            <p>
              Hier ziet u straks de werkgevers in uw portefeuille: waar ze zitten, op welk
              bedrijventerrein, in welke sector en wie hun vaste aanspreekpunt is.
            </p>
            <DemoDataPointer />
          </EmptyState>
        </>
      );
    }
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return (
      <>
        <CountLine
          id="employer-count"
          count={total}
          singular="werkgever"
          plural="werkgevers"
          suffix="in de portefeuille"
        />
        <DataTable
          caption={`Werkgevers, pagina ${formatNumber(pageIndex + 1)} van ${formatNumber(pageCount)}`}
          columns={EMPLOYER_COLUMNS}
          rows={items}
          rowKey={(row) => row.id}
          tableRef={tableRef}
          busy={query.isPlaceholderData}
        />
        <Pagination
          pageIndex={pageIndex}
          pageSize={PAGE_SIZE}
          total={total}
          noun="werkgevers"
          busy={query.isPlaceholderData}
          onPageChange={changePage}
        />
      </>
    );
  }

  return <Screen title="Werkgevers">{body()}</Screen>;
}
