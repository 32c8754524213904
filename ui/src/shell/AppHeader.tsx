import { AppName } from "../components/AppName";
import type { Profile } from "../ipc";
import { roleLabel } from "../labels/role";
import { useLock } from "../queries/useAccessMutations";
import { useSyncEvents } from "../queries/useSync";
import { SyncIndicator } from "./SyncIndicator";

interface AppHeaderProps {
  profile: Profile;
}

/** App name, who is working, and the button that locks the store. */
export function AppHeader({ profile }: AppHeaderProps) {
  const lock = useLock();
  useSyncEvents();
  return (
    <header className="app-header">
      <AppName />
      <SyncIndicator />
      <div className="app-header__user">
        <p className="app-header__person">
          <span className="visually-hidden">Ingelogd als </span>
          <span id="current-user" className="app-header__name">
            {profile.name}
          </span>
          <span className="app-header__role">
            {roleLabel(profile.role)} · {profile.organisation}
          </span>
        </p>
        <button
          id="lock-button"
          type="button"
          className="button button--secondary"
          aria-disabled={lock.isPending ? true : undefined}
          onClick={() => {
            if (!lock.isPending) lock.mutate();
          }}
        >
          <svg
            className="button__icon"
            viewBox="0 0 16 16"
            width="16"
            height="16"
            aria-hidden="true"
            focusable="false"
          >
            <rect x="2.5" y="7" width="11" height="7.5" rx="1.5" fill="currentColor" />
            <path
              d="M5 7V5a3 3 0 0 1 6 0v2"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
            />
          </svg>
          Vergrendelen
        </button>
      </div>
      {lock.isError && (
        <div className="app-header__error" role="alert">
          {lock.error.message}
        </div>
      )}
    </header>
  );
}
