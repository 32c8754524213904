import type { Profile } from "../../ipc";
import { roleLabel } from "../../labels/role";

interface ProfileSectionProps {
  profile: Profile;
}

export function ProfileSection({ profile }: ProfileSectionProps) {
  return (
    <section className="section" aria-labelledby="profiel-title">
      <h2 id="profiel-title">Profiel</h2>
      <dl className="details">
        <div className="details__row">
          <dt>Naam</dt>
          <dd id="profile-name">{profile.name}</dd>
        </div>
        <div className="details__row">
          <dt>Rol</dt>
          <dd id="profile-role">{roleLabel(profile.role)}</dd>
        </div>
        <div className="details__row">
          <dt>Organisatie</dt>
          <dd id="profile-organisation">{profile.organisation}</dd>
        </div>
        <div className="details__row">
          <dt>Apparaat-id</dt>
          <dd>
            <code id="profile-device-id" className="code">
              {profile.device_id}
            </code>
          </dd>
        </div>
      </dl>
    </section>
  );
}
