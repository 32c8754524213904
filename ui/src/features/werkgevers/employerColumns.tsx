import type { Column } from "../../components/DataTable";
import { OrMissing } from "../../components/Missing";
import type { EmployerRow } from "../../ipc";

export const EMPLOYER_COLUMNS: readonly Column<EmployerRow>[] = [
  { key: "name", header: "Naam", rowHeader: true, cell: (row) => row.name },
  { key: "city", header: "Plaats", cell: (row) => <OrMissing value={row.city} /> },
  {
    key: "estate",
    header: "Bedrijventerrein",
    cell: (row) => <OrMissing value={row.industrial_estate} />,
  },
  { key: "sector", header: "Sector", cell: (row) => <OrMissing value={row.sector} /> },
  {
    key: "owner",
    header: "Vast aanspreekpunt",
    cell: (row) => <OrMissing value={row.account_owner} />,
  },
];
