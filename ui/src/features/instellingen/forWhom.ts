import type { ForWhom } from "../../ipc";

export const FOR_WHOM: Record<ForWhom, string> = {
  werkzoekende: "Werkzoekende",
  werkgever: "Werkgever",
  beide: "Beiden",
};
