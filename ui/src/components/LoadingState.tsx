interface LoadingStateProps {
  label?: string;
}

/** A polite, visible note while a local read is on its way (usually a blink). */
export function LoadingState({ label = "Gegevens worden geladen…" }: LoadingStateProps) {
  return (
    <p className="loading-state" role="status">
      {label}
    </p>
  );
}
