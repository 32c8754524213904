import { useEffect, type ReactNode } from "react";
import { AppName } from "../../components/AppName";

interface AccessLayoutProps {
  /** Window title, e.g. "Eerste start". */
  title: string;
  children: ReactNode;
}

/** The frame around the screens shown before the store is open: setup and unlock. */
export function AccessLayout({ title, children }: AccessLayoutProps) {
  useEffect(() => {
    document.title = `${title} – Werkpad`;
  }, [title]);
  return (
    <div className="access">
      <header className="access__header">
        <AppName />
      </header>
      <main className="access__main" id="inhoud">
        <div className="access__card">{children}</div>
      </main>
    </div>
  );
}
