import type { ReactNode } from "react";

interface EmptyStateProps {
  /** Short heading, e.g. "Nog geen kandidaten". */
  title: string;
  /** Level of the heading inside the screen; the screen's own h1 comes first. */
  headingLevel?: 2 | 3;
  children: ReactNode;
}

/** A calm box that says what will appear here and, where possible, how to get there. */
export function EmptyState({ title, headingLevel = 2, children }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="empty-state">
      <Heading className="empty-state__title">{title}</Heading>
      <div className="empty-state__body">{children}</div>
    </section>
  );
}
