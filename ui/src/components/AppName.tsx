/** The product name with its mark, as shown in every header. */
export function AppName() {
  return (
    <span className="app-name">
      <svg
        className="app-name__mark"
        viewBox="0 0 24 24"
        width="28"
        height="28"
        aria-hidden="true"
        focusable="false"
      >
        <rect width="24" height="24" rx="5" fill="currentColor" />
        <path
          d="M5 8l3 9 4-7 4 7 3-9"
          fill="none"
          stroke="#ffffff"
          strokeWidth="2.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="app-name__text">Werkpad</span>
    </span>
  );
}
