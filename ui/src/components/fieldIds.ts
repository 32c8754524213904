/** The ids a field's description and error get, and the aria-describedby that ties them. */
export function describedBy(id: string, description: unknown, error: unknown) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const joined = [errorId, descriptionId].filter(Boolean).join(" ");
  return { descriptionId, errorId, describedBy: joined === "" ? undefined : joined };
}
