import type { AppStoreState } from '../../../state/store-types';
import type { ActionOnView } from '../../../state/ui-error';

/** The actions the migration wizard shows with their error beside them, per step (mirrors MigrationScreen). */
export function migrationActions(state: AppStoreState): ActionOnView[] {
  switch (state.migration.step) {
    case 'prepare':
    case 'cut-over':
    case 'decommission':
      return ['startMigration', 'resumeMigration', 'cancelMigration'];
    case 'result':
      return ['saveMigrationDocuments'];
    default:
      return [];
  }
}
