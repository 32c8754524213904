/** A Dutch number as people write it: 1.234 with a dot for thousands. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat("nl-NL").format(value);
}

/** "1 kandidaat", "150 kandidaten". */
export function countLabel(value: number, singular: string, plural: string): string {
  return `${formatNumber(value)} ${value === 1 ? singular : plural}`;
}
