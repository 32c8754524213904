import { useEffect, useRef } from "react";
import { QueryError } from "../../components/QueryError";
import { formatNumber } from "../../labels/count";
import { useLoadDemoData } from "../../queries/useLoadDemoData";
import { DEFAULT_DEMO_INPUT, demoResultText } from "./demoData";

/** Fills the store with fictional kandidaten, werkgevers and notities to try Werkpad out. */
export function DemoDataSection() {
  const demo = useLoadDemoData();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);
  const { candidates, employers, notes_per_candidate } = DEFAULT_DEMO_INPUT;

  // The button is disabled while the run lasts, which drops the focus: put it back on what
  // the person needs next, the result or the button to try again.
  useEffect(() => {
    if (demo.isSuccess) resultRef.current?.focus();
    if (demo.isError) buttonRef.current?.focus();
  }, [demo.isSuccess, demo.isError]);

  return (
    <section className="section" aria-labelledby="demodata-title">
      <h2 id="demodata-title">Demodata laden</h2>
      <p>
        Om Werkpad uit te proberen kunt u fictieve gegevens laden: {formatNumber(candidates)}{" "}
        kandidaten, {formatNumber(employers)} werkgevers en {formatNumber(notes_per_candidate)}{" "}
        notities per kandidaat.
      </p>
      <p>
        Alle gegevens zijn verzonnen: de namen, plaatsen en notities horen niet bij echte mensen
        of bedrijven. Gebruik demodata alleen om te oefenen, niet naast echte gegevens.
      </p>
      <div className="demo__actions">
        <button
          ref={buttonRef}
          id="demo-load"
          type="button"
          className="button button--primary"
          disabled={demo.isPending}
          onClick={() => {
            demo.mutate(DEFAULT_DEMO_INPUT);
          }}
        >
          {demo.isPending ? "Demodata wordt aangemaakt…" : "Demodata laden"}
        </button>
      </div>
      <div className="demo__status" role="status">
        {demo.isPending && (
          <p className="demo__progress">
            <span className="spinner" aria-hidden="true" />
            Bezig met aanmaken van demodata. Dit kan enkele seconden duren.
          </p>
        )}
        {demo.isSuccess && (
          <div className="alert alert--success">
            <p id="demo-result" ref={resultRef} tabIndex={-1}>
              {demoResultText(demo.data)}
            </p>
          </div>
        )}
      </div>
      {demo.isError && <QueryError error={demo.error} />}
    </section>
  );
}
