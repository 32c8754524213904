import type { Column } from "../../components/DataTable";
import { OrMissing } from "../../components/Missing";
import type { EmployerListRow } from "../../ipc";
import { employerHref } from "../../routing/employerRoutes";

export const EMPLOYER_COLUMNS: readonly Column<EmployerListRow>[] = [
  {
    key: "name",
    header: "Naam",
    rowHeader: true,
    // The place goes under the name: a separate column would push the table off the screen.
    cell: (row) => (
      <>
        <a href={employerHref(row.id)}>{row.name}</a>
        {row.city !== "" && <span className="cell-sub">{row.city}</span>}
      </>
    ),
  },
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
  {
    key: "last",
    header: "Laatste bezoek",
    className: "data-table__date",
    cell: (row) => (
      <>
        {row.last_contact_on === "" ? "Nog nooit" : row.last_contact_on}
        {row.open_follow_ups > 0 && (
          <span className="cell-sub">
            {row.open_follow_ups === 1 ? "1 open actie" : `${row.open_follow_ups} open acties`}
          </span>
        )}
      </>
    ),
  },
];
