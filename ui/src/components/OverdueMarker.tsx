/** "Te laat": a word and a mark, never colour alone. */
export function OverdueMarker() {
  return (
    <span className="overdue">
      <svg
        className="overdue__icon"
        viewBox="0 0 16 16"
        width="14"
        height="14"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M8 4v5M8 11.2v.6" stroke="#ffffff" strokeWidth="2" strokeLinecap="round" />
      </svg>
      Te laat
    </span>
  );
}
