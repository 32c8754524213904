import type { Column } from "../../components/DataTable";
import { Missing, OrMissing } from "../../components/Missing";
import { OverdueMarker } from "../../components/OverdueMarker";
import type { CaseloadRow } from "../../ipc";
import { phaseLabel } from "../../labels/phase";
import { candidateHref } from "../../routing/candidateRoutes";

function NextAction({ row }: { row: CaseloadRow }) {
  if (row.next_action === null || row.next_action.trim() === "") return <Missing />;
  return (
    <div className="next-action">
      <span className="next-action__text">{row.next_action}</span>
      {row.next_action_due !== null && row.next_action_due !== "" && (
        <span className="next-action__due">
          uiterlijk <span className="data-table__date">{row.next_action_due}</span>
        </span>
      )}
      {row.overdue && <OverdueMarker />}
    </div>
  );
}

export const CANDIDATE_COLUMNS: readonly Column<CaseloadRow>[] = [
  {
    key: "name",
    header: "Naam",
    rowHeader: true,
    cell: (row) => (
      <>
        <a href={candidateHref(row.id)}>{row.display_name}</a>
        {row.city.trim() !== "" && <span className="cell-sub">{row.city}</span>}
      </>
    ),
  },
  {
    key: "phase",
    header: "Fase",
    cell: (row) => <span className={`phase phase--${row.phase}`}>{phaseLabel(row.phase)}</span>,
  },
  { key: "next", header: "Volgende actie", cell: (row) => <NextAction row={row} /> },
  {
    key: "contact",
    header: "Laatste contact",
    className: "data-table__date",
    // Rust already sends dd-mm-jjjj in Europe/Amsterdam.
    cell: (row) => <OrMissing value={row.last_contact ?? ""} />,
  },
  { key: "owner", header: "Eigenaar", cell: (row) => <OrMissing value={row.owner} /> },
];
