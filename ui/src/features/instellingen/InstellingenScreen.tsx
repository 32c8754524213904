import { Screen } from "../../components/Screen";
import type { AppStatus } from "../../ipc";
import { DataFolderSection } from "./DataFolderSection";
import { DemoDataSection } from "./DemoDataSection";
import { ProfileSection } from "./ProfileSection";

interface InstellingenScreenProps {
  status: AppStatus;
}

/** Instellingen: the profile, where the data lives, and demo data to try things out. */
export function InstellingenScreen({ status }: InstellingenScreenProps) {
  return (
    <Screen title="Instellingen">
      {status.profile && <ProfileSection profile={status.profile} />}
      <DataFolderSection dataDir={status.data_dir} />
      <DemoDataSection />
    </Screen>
  );
}
