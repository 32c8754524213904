import { useState } from "react";
import { CountLine } from "../../components/CountLine";
import { DataTable } from "../../components/DataTable";
import { DemoDataPointer } from "../../components/DemoDataPointer";
import { EmptyState } from "../../components/EmptyState";
import { LoadingState } from "../../components/LoadingState";
import { Pagination } from "../../components/Pagination";
import { QueryError } from "../../components/QueryError";
import { Screen } from "../../components/Screen";
import { SelectField } from "../../components/SelectField";
import { useDebouncedValue } from "../../components/useDebouncedValue";
import { usePaging } from "../../components/usePaging";
import type { EmployerSort } from "../../ipc";
import { formatNumber } from "../../labels/count";
import { EMPLOYER_SORTS } from "../../labels/employer";
import { NEW_EMPLOYER_HREF } from "../../routing/employerRoutes";
import { useEmployerList } from "../../queries/useEmployers";
import { PAGE_SIZE } from "../../queries/usePagedList";
import { EMPLOYER_COLUMNS } from "./employerColumns";

interface PortfolioChoice {
  pageIndex: number;
  text: string;
  estate: string;
  sector: string;
  sort: EmployerSort;
}

/** Kept while the accountmanager opens a werkgever and comes back. */
let remembered: PortfolioChoice = { pageIndex: 0, text: "", estate: "", sector: "", sort: "naam" };

/** Werkgevers: the portfolio, filtered by bedrijventerrein and sector, sorted, 50 per page. */
export function WerkgeversScreen() {
  const [choice, setChoice] = useState<PortfolioChoice>(remembered);
  const { changePage, tableRef } = usePaging();
  const text = useDebouncedValue(choice.text, 200);
  const query = useEmployerList({
    text,
    industrial_estate: choice.estate,
    sector: choice.sector,
    sort: choice.sort,
    offset: choice.pageIndex * PAGE_SIZE,
    limit: PAGE_SIZE,
  });

  function update(change: Partial<PortfolioChoice>) {
    const next = { ...choice, pageIndex: 0, ...change };
    remembered = next;
    setChoice(next);
  }

  const estates = query.data?.industrial_estates ?? [];
  const sectors = query.data?.sectors ?? [];
  const filtered = choice.text !== "" || choice.estate !== "" || choice.sector !== "";

  const toolbar = (
    <div className="caseload-tools">
      <div className="form-field form-field--search">
        <label className="form-field__label" htmlFor="employer-search">
          Zoeken op naam
        </label>
        <input
          id="employer-search"
          className="textbox textbox--l"
          type="search"
          autoComplete="off"
          value={choice.text}
          onChange={(event) => {
            update({ text: event.target.value });
          }}
        />
      </div>
      <div className="filter-bar" role="group" aria-labelledby="employer-filter-title">
        <h2 id="employer-filter-title" className="visually-hidden">
          Filteren en sorteren
        </h2>
        <SelectField
          compact
          id="filter-estate"
          label="Bedrijventerrein"
          value={choice.estate}
          options={[
            { value: "", label: "Alle terreinen" },
            ...estates.map((e) => ({ value: e, label: e })),
          ]}
          onChange={(estate) => {
            update({ estate });
          }}
        />
        <SelectField
          compact
          id="filter-sector"
          label="Sector"
          value={choice.sector}
          options={[
            { value: "", label: "Alle sectoren" },
            ...sectors.map((s) => ({ value: s, label: s })),
          ]}
          onChange={(sector) => {
            update({ sector });
          }}
        />
        <SelectField
          compact
          id="employer-sort"
          label="Sorteren op"
          value={choice.sort}
          options={EMPLOYER_SORTS}
          onChange={(sort) => {
            update({ sort: sort as EmployerSort });
          }}
        />
      </div>
    </div>
  );

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
    if (total === 0 && !filtered) {
      return (
        <>
          <CountLine id="employer-count" count={0} singular="werkgever" plural="werkgevers" />
          <EmptyState title="Nog geen werkgevers">
            <p>
              Hier ziet u de werkgevers in uw portefeuille: waar ze zitten, op welk
              bedrijventerrein, in welke sector, wie hun vaste aanspreekpunt is en wanneer ze het
              laatst bezocht zijn.
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
          suffix={filtered ? "gevonden" : "in de portefeuille"}
        />
        {total === 0 ? (
          <p className="muted">Geen werkgevers met deze keuze. Kies een ander terrein of sector.</p>
        ) : (
          <>
            <DataTable
              caption={`Werkgevers, pagina ${formatNumber(choice.pageIndex + 1)} van ${formatNumber(pageCount)}`}
              columns={EMPLOYER_COLUMNS}
              rows={items}
              rowKey={(row) => row.id}
              tableRef={tableRef}
              busy={query.isPlaceholderData}
              rowAttributes={(row) => ({ "data-employer-id": row.id })}
            />
            <Pagination
              pageIndex={choice.pageIndex}
              pageSize={PAGE_SIZE}
              total={total}
              noun="werkgevers"
              busy={query.isPlaceholderData}
              onPageChange={(pageIndex) => {
                const next = { ...choice, pageIndex };
                remembered = next;
                setChoice(next);
                changePage(pageIndex);
              }}
            />
          </>
        )}
      </>
    );
  }

  return (
    <Screen
      title="Werkgevers"
      actions={
        <a className="button button--primary" href={NEW_EMPLOYER_HREF} id="new-employer">
          Nieuwe werkgever
        </a>
      }
    >
      {toolbar}
      {body()}
    </Screen>
  );
}
