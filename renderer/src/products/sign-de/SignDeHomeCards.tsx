import { StoresCard } from './stores/StoresCard';
import { UnfinishedRunsCard } from './stores/UnfinishedRunsCard';
import { MigrationCard } from './migration/MigrationCard';

/** What SIGN DE shows on Home: unfinished runs to resume, then the stores and TSS known. */
export function SignDeHomeCards() {
  return (
    <>
      <UnfinishedRunsCard />
      <StoresCard />
      <MigrationCard />
    </>
  );
}
