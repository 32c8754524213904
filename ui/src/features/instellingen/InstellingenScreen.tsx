import { Screen } from "../../components/Screen";
import type { AppStatus } from "../../ipc";
import { DataFolderSection } from "./DataFolderSection";
import { DemoDataSection } from "./DemoDataSection";
import { InstrumentsSection } from "./InstrumentsSection";
import { SchedulesSection } from "./SchedulesSection";
import { ProfileSection } from "./ProfileSection";
import { ConflictsSection } from "./ConflictsSection";
import { SyncNoticesSection } from "./SyncNoticesSection";
import { SyncSection } from "./SyncSection";

interface InstellingenScreenProps {
  status: AppStatus;
}

/** Instellingen: the profile, where the data lives, and demo data to try things out. */
export function InstellingenScreen({ status }: InstellingenScreenProps) {
  return (
    <Screen title="Instellingen">
      {status.profile && <ProfileSection profile={status.profile} />}
      <SyncSection />
      <SyncNoticesSection />
      <ConflictsSection />
      <DataFolderSection dataDir={status.data_dir} />
      <InstrumentsSection />
      <SchedulesSection />
      <DemoDataSection />
    </Screen>
  );
}
