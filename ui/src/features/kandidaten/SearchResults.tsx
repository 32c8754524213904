import type { SearchHit, Segment } from "../../ipc";
import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { countLabel } from "../../labels/count";
import { candidateHref } from "../../routing/candidateRoutes";
import { SEARCH_LIMIT, SEARCH_MIN_LENGTH, useSearch } from "../../queries/useCaseload";

/** The snippet as text; matched words become <mark>. Never HTML from the store. */
function Snippet({ segments }: { segments: readonly Segment[] }) {
  return (
    <p className="search-hit__snippet">
      {segments.map((segment, index) =>
        segment.hit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </p>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const fromNote = hit.source === "notitie";
  return (
    <li className="search-hit" data-hit-candidate-id={hit.candidate_id}>
      <a
        className="search-hit__name"
        href={candidateHref(hit.candidate_id, fromNote ? "notities" : "overzicht")}
      >
        {hit.candidate_name}
      </a>
      <span className="search-hit__meta">
        <span className={`source source--${hit.source}`}>{fromNote ? "Notitie" : "Kandidaat"}</span>
        {hit.noted_on !== null && hit.noted_on !== "" && <span>{hit.noted_on}</span>}
      </span>
      {hit.snippet.length > 0 && <Snippet segments={hit.snippet} />}
    </li>
  );
}

interface SearchResultsProps {
  /** The debounced text. */
  text: string;
}

/** Hits in names and notes for the words typed in the search box. */
export function SearchResults({ text }: SearchResultsProps) {
  const query = useSearch(text);
  const trimmed = text.trim();
  if (trimmed === "") return null;

  function body() {
    if (trimmed.length < SEARCH_MIN_LENGTH) {
      return <p className="muted">Typ minstens {SEARCH_MIN_LENGTH} tekens om te zoeken.</p>;
    }
    if (query.isPending) return <LoadingState label="Bezig met zoeken…" />;
    if (query.isError) return <QueryError error={query.error} />;
    const hits = query.data;
    return (
      <>
        <p className="search-results__count" role="status">
          {hits.length === 0
            ? `Niets gevonden voor “${trimmed}”.`
            : `${countLabel(hits.length, "resultaat", "resultaten")} voor “${trimmed}”${
                hits.length >= SEARCH_LIMIT ? "; maak de zoekwoorden specifieker voor meer" : ""
              }.`}
        </p>
        {hits.length > 0 && (
          <ul className={`search-results__list${query.isPlaceholderData ? " is-busy" : ""}`}>
            {hits.map((hit) => (
              <Hit key={`${hit.candidate_id}-${hit.note_id ?? "kandidaat"}`} hit={hit} />
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <section className="search-results" aria-labelledby="search-results-title">
      <h2 id="search-results-title" className="search-results__title">
        Zoekresultaten
      </h2>
      {body()}
    </section>
  );
}
