import { useEffect, type ReactNode } from "react";

interface ScreenProps {
  title: string;
  /** One line under the heading, e.g. a count or today's date. */
  lead?: ReactNode;
  children: ReactNode;
}

/**
 * One screen of the unlocked app: its single h1 (focusable, so the shell can move focus to it
 * after navigation) and the window title.
 */
export function Screen({ title, lead, children }: ScreenProps) {
  useEffect(() => {
    document.title = `${title} – Werkpad`;
  }, [title]);
  return (
    <div className="screen">
      <div className="screen__header">
        <h1 className="screen__title" tabIndex={-1}>
          {title}
        </h1>
        {lead && <div className="screen__lead">{lead}</div>}
      </div>
      {children}
    </div>
  );
}
