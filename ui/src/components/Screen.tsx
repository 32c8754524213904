import { useEffect, type ReactNode } from "react";

interface ScreenProps {
  title: string;
  /** One line under the heading, e.g. a count or today's date. */
  lead?: ReactNode;
  /** Id of the h1, for tests: `candidate-name`. */
  titleId?: string;
  /** Buttons or links on the right of the heading, e.g. "Nieuwe kandidaat". */
  actions?: ReactNode;
  /** A link back up, shown above the heading. */
  breadcrumb?: ReactNode;
  /** Window title when it should say more than the heading (e.g. the tab). */
  windowTitle?: string;
  children: ReactNode;
}

/**
 * One screen of the unlocked app: its single h1 (focusable, so the shell can move focus to it
 * after navigation) and the window title.
 */
export function Screen({
  title,
  lead,
  titleId,
  actions,
  breadcrumb,
  windowTitle,
  children,
}: ScreenProps) {
  const fullTitle = windowTitle ?? title;
  useEffect(() => {
    document.title = `${fullTitle} – Werkpad`;
  }, [fullTitle]);
  return (
    <div className="screen">
      {breadcrumb && <p className="screen__breadcrumb">{breadcrumb}</p>}
      <div className={`screen__header${actions ? " screen__header--actions" : ""}`}>
        <div className="screen__heading">
          <h1 className="screen__title" id={titleId} tabIndex={-1}>
            {title}
          </h1>
          {lead && <div className="screen__lead">{lead}</div>}
        </div>
        {actions && <div className="screen__actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
