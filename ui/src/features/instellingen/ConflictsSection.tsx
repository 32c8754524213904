import { useConflicts } from "../../queries/useSync";
import { ConflictItem } from "./ConflictItem";

/** The conflicts inbox: both values of a field changed on two laptops at once. */
export function ConflictsSection() {
  const conflicts = useConflicts();
  const list = conflicts.data ?? [];

  return (
    <section className="section" aria-labelledby="conflicts-title" id="conflicten">
      <h2 id="conflicts-title">Conflicten</h2>
      {list.length === 0 ? (
        <p id="conflicts-empty">Er zijn geen conflicten.</p>
      ) : (
        <ul className="conflicts" id="conflicts-list">
          {list.map((c) => (
            <ConflictItem key={c.id} conflict={c} />
          ))}
        </ul>
      )}
    </section>
  );
}
