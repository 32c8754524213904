import { countLabel } from "../labels/count";

interface CountLineProps {
  /** Stable id for tests: `caseload-count`, `employer-count`. */
  id: string;
  count: number;
  singular: string;
  plural: string;
  /** Words after the count, e.g. "in uw caseload". */
  suffix?: string;
}

/** "150 kandidaten in uw caseload", with the number in `data-count` for tests. */
export function CountLine({ id, count, singular, plural, suffix }: CountLineProps) {
  return (
    <p className="count-line">
      <strong id={id} data-count={count} className="count-line__count">
        {countLabel(count, singular, plural)}
      </strong>
      {suffix && <> {suffix}</>}
    </p>
  );
}
