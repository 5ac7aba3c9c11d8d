export { CSV_BOM, csvCell, excelCsv } from './csv';
export { POS_MAPPING_CSV_COLUMNS, buildPosMapping, posMappingCsv, posMappingJson, type PosMappingInput } from './pos-mapping';
export { tssInventory, type V1ClientFields, type V1TransactionFields, type V1TssFields } from './inventory';
export { attachReplacedTse, replacedTseOf, type ReplacedTseInput } from './replaced-tse';
export { migrationFlow, migrationRuns } from './migration-flow';
export { abandonMigration, listMigrations, prepareMigration, resumeMigration, startMigration, type MigrationDeps, type MigrationResumeOptions } from './migration-orchestrator';
export { migrationReportOf } from './migration-report';
