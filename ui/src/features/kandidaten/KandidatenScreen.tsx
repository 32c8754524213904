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
import type { CaseloadSort, Phase, TargetGroup } from "../../ipc";
import { TARGET_GROUPS, targetGroupLabel } from "../../labels/candidate";
import { formatNumber } from "../../labels/count";
import { PHASES, phaseLabel } from "../../labels/phase";
import { NEW_CANDIDATE_HREF } from "../../routing/candidateRoutes";
import { useCaseload } from "../../queries/useCaseload";
import { PAGE_SIZE } from "../../queries/usePagedList";
import { CANDIDATE_COLUMNS } from "./candidateColumns";
import {
  SORT_OPTIONS,
  hasFilters,
  rememberChoice,
  rememberedChoice,
  toQuery,
  type CaseloadChoice,
} from "./caseloadState";
import { SearchResults } from "./SearchResults";

const SEARCH_DEBOUNCE_MS = 200;
const ALL = "";

/** Kandidaten: search, filters, sort and the caseload, 50 per page. */
export function KandidatenScreen() {
  const [choice, setChoice] = useState<CaseloadChoice>(rememberedChoice);
  const { changePage, tableRef } = usePaging();
  const query = useCaseload(toQuery(choice));
  const search = useDebouncedValue(choice.search, SEARCH_DEBOUNCE_MS);

  function update(change: Partial<CaseloadChoice>) {
    // Any other change than the page starts again at page 1.
    const next = { ...choice, pageIndex: 0, ...change };
    setChoice(next);
    rememberChoice(next);
  }

  function goToPage(pageIndex: number) {
    update({ pageIndex });
    changePage(pageIndex);
  }

  const owners = query.data?.owners ?? [];

  const toolbar = (
    <div className="caseload-tools">
      <div className="form-field form-field--search">
        <label className="form-field__label" htmlFor="caseload-search">
          Zoeken in namen en notities
        </label>
        <input
          id="caseload-search"
          className="textbox textbox--l"
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={choice.search}
          onChange={(event) => {
            setChoice({ ...choice, search: event.target.value });
            rememberChoice({ ...choice, search: event.target.value });
          }}
        />
      </div>
      <SearchResults text={search} />
      <div className="filter-bar" role="group" aria-labelledby="filter-bar-title">
        <h2 id="filter-bar-title" className="visually-hidden">
          Filteren en sorteren
        </h2>
        <SelectField
          compact
          id="filter-phase"
          label="Fase"
          value={choice.phase ?? ALL}
          options={[
            { value: ALL, label: "Alle fasen" },
            ...PHASES.map((phase) => ({ value: phase, label: phaseLabel(phase) })),
          ]}
          onChange={(value) => {
            update({ phase: value === ALL ? null : (value as Phase) });
          }}
        />
        <SelectField
          compact
          id="filter-target-group"
          label="Doelgroep"
          value={choice.targetGroup ?? ALL}
          options={[
            { value: ALL, label: "Alle doelgroepen" },
            ...TARGET_GROUPS.map((group) => ({ value: group, label: targetGroupLabel(group) })),
          ]}
          onChange={(value) => {
            update({ targetGroup: value === ALL ? null : (value as TargetGroup) });
          }}
        />
        <SelectField
          compact
          id="filter-owner"
          label="Eigenaar"
          value={choice.owner ?? ALL}
          options={[
            { value: ALL, label: "Iedereen" },
            // Keep a chosen owner selectable even when the current page did not list them.
            ...[...new Set([...owners, ...(choice.owner ? [choice.owner] : [])])].map(
              (owner) => ({ value: owner, label: owner }),
            ),
          ]}
          onChange={(value) => {
            update({ owner: value === ALL ? null : value });
          }}
        />
        <SelectField
          compact
          id="caseload-sort"
          label="Sorteren op"
          value={choice.sort}
          options={SORT_OPTIONS}
          onChange={(value) => {
            update({ sort: value as CaseloadSort });
          }}
        />
        <SelectField
          compact
          id="caseload-direction"
          label="Volgorde"
          value={choice.descending ? "desc" : "asc"}
          options={[
            { value: "asc", label: "Oplopend" },
            { value: "desc", label: "Aflopend" },
          ]}
          onChange={(value) => {
            update({ descending: value === "desc" });
          }}
        />
        {hasFilters(choice) && (
          <button
            type="button"
            className="button button--secondary filter-bar__reset"
            onClick={() => {
              update({ phase: null, targetGroup: null, owner: null });
            }}
          >
            Filters wissen
          </button>
        )}
      </div>
    </div>
  );

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
    if (total === 0 && !hasFilters(choice)) {
      return (
        <>
          <CountLine id="caseload-count" count={0} singular="kandidaat" plural="kandidaten" />
          <EmptyState title="Nog geen kandidaten">
            <p>
              Uw caseload is nog leeg. Hier ziet u straks iedereen die u begeleidt, met de fase
              van het traject, de volgende actie en het laatste contact.
            </p>
            <p>
              Begin met <a href={NEW_CANDIDATE_HREF}>een nieuwe kandidaat</a>.
            </p>
            <DemoDataPointer />
          </EmptyState>
        </>
      );
    }
    if (total === 0) {
      return (
        <>
          <CountLine
            id="caseload-count"
            count={0}
            singular="kandidaat"
            plural="kandidaten"
            suffix="met deze filters"
          />
          <EmptyState title="Geen kandidaten met deze filters">
            <p>Kies andere filters, of wis de filters om uw hele caseload te zien.</p>
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
          suffix={hasFilters(choice) ? "met deze filters" : "in uw caseload"}
        />
        <DataTable
          caption={`Caseload, pagina ${formatNumber(choice.pageIndex + 1)} van ${formatNumber(pageCount)}`}
          columns={CANDIDATE_COLUMNS}
          rows={items}
          rowKey={(row) => row.id}
          rowAttributes={(row) => ({ "data-candidate-id": row.id })}
          tableRef={tableRef}
          busy={query.isPlaceholderData}
        />
        <Pagination
          pageIndex={choice.pageIndex}
          pageSize={PAGE_SIZE}
          total={total}
          noun="kandidaten"
          busy={query.isPlaceholderData}
          onPageChange={goToPage}
        />
      </>
    );
  }

  return (
    <Screen
      title="Kandidaten"
      actions={
        <a id="new-candidate" className="button button--primary" href={NEW_CANDIDATE_HREF}>
          <span aria-hidden="true">+ </span>Nieuwe kandidaat
        </a>
      }
    >
      {toolbar}
      {body()}
    </Screen>
  );
}
