import type { ReactNode } from "react";

interface AlertProps {
  tone: "error" | "success" | "info";
  id?: string;
  /** "alert" announces at once (errors); "status" waits politely (results, progress). */
  role?: "alert" | "status";
  children: ReactNode;
}

export function Alert({ tone, id, role, children }: AlertProps) {
  return (
    <div id={id} role={role} className={`alert alert--${tone}`}>
      {children}
    </div>
  );
}
