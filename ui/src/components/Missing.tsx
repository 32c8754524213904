/** An empty cell: a dash for the eye, a word for the screen reader. */
export function Missing() {
  return (
    <>
      <span aria-hidden="true" className="missing">
        —
      </span>
      <span className="visually-hidden">niet ingevuld</span>
    </>
  );
}

/** The value, or the Missing marker when it is blank. */
export function OrMissing({ value }: { value: string }) {
  return value.trim() === "" ? <Missing /> : <>{value}</>;
}
