import type { MouseEvent } from "react";

interface SkipLinkProps {
  targetId: string;
}

/**
 * "Naar de inhoud": the first stop for the keyboard. The hash is used for routing, so the link
 * moves focus itself instead of changing `location.hash`.
 */
export function SkipLink({ targetId }: SkipLinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    const target = document.getElementById(targetId);
    target?.focus();
    target?.scrollIntoView();
  }
  return (
    <a className="skip-link" href={`#${targetId}`} onClick={handleClick}>
      Naar de inhoud
    </a>
  );
}
