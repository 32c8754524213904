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
import { PAGE_SIZE, useCandidatesPage } from "../../queries/usePagedList";
import { CANDIDATE_COLUMNS } from "./candidateColumns";

/** Kandidaten: the caseload, 50 per page. */
export function KandidatenScreen() {
  const { pageIndex, changePage, tableRef } = usePaging();
  const query = useCandidatesPage(pageIndex);

  function body() {
    if (query.isPending) return <LoadingState label="Caseload wordt geladen…" />;
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
          <CountLine id="caseload-count" count={0} singular="kandidaat" plural="kandidaten" />
          <EmptyState title="Nog geen kandidaten">
            <p>
              Uw caseload is nog leeg. Hier ziet u straks iedereen die u begeleidt, met de fase
              van het traject en wanneer er voor het laatst iets is gewijzigd.
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
          id="caseload-count"
          count={total}
          singular="kandidaat"
          plural="kandidaten"
          suffix="in uw caseload"
        />
        <DataTable
          caption={`Caseload, pagina ${formatNumber(pageIndex + 1)} van ${formatNumber(pageCount)}`}
          columns={CANDIDATE_COLUMNS}
          rows={items}
          rowKey={(row) => row.id}
          tableRef={tableRef}
          busy={query.isPlaceholderData}
        />
        <Pagination
          pageIndex={pageIndex}
          pageSize={PAGE_SIZE}
          total={total}
          noun="kandidaten"
          busy={query.isPlaceholderData}
          onPageChange={changePage}
        />
      </>
    );
  }

  return <Screen title="Kandidaten">{body()}</Screen>;
}
