const TIME_ZONE = "Europe/Amsterdam";

const dateParts = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

const weekdayFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  weekday: "long",
});

function toDate(value: Date | string | number): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A date as dd-mm-jjjj in Europe/Amsterdam, whatever the laptop's own time zone.
 * Returns an empty string for a value that is not a date.
 */
export function formatDate(value: Date | string | number): string {
  const date = toDate(value);
  if (date === null) return "";
  const parts = dateParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("day")}-${part("month")}-${part("year")}`;
}

/** "woensdag 25-11-2026": the weekday in Dutch, then dd-mm-jjjj, in Europe/Amsterdam. */
export function formatDateWithWeekday(value: Date | string | number): string {
  const date = toDate(value);
  if (date === null) return "";
  return `${weekdayFormat.format(date)} ${formatDate(date)}`;
}

/** "25-11-2026" as sent by the core → that day at noon UTC (the same day in Amsterdam). */
export function parseDutchDate(value: string): Date | null {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), 12));
}
