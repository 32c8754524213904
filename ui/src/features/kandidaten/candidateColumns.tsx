import type { Column } from "../../components/DataTable";
import { OrMissing } from "../../components/Missing";
import type { CandidateRow } from "../../ipc";
import { phaseLabel } from "../../labels/phase";

export const CANDIDATE_COLUMNS: readonly Column<CandidateRow>[] = [
  {
    key: "name",
    header: "Naam",
    rowHeader: true,
    cell: (row) => `${row.first_name} ${row.last_name}`.trim(),
  },
  { key: "city", header: "Woonplaats", cell: (row) => <OrMissing value={row.city} /> },
  {
    key: "phase",
    header: "Fase",
    cell: (row) => <span className={`phase phase--${row.phase}`}>{phaseLabel(row.phase)}</span>,
  },
  { key: "owner", header: "Eigenaar", cell: (row) => <OrMissing value={row.owner} /> },
  {
    key: "updated",
    header: "Laatst gewijzigd",
    className: "data-table__date",
    // Rust already sends dd-mm-jjjj in Europe/Amsterdam.
    cell: (row) => <OrMissing value={row.updated_on} />,
  },
];
