import { POS_MAPPING_SCHEMA, PosMapping } from '../../../../preload/contract/sign-de/migration';
import type { ResolvedTill } from '../../../../preload/contract/sign-de/migration-inventory';
import { AppError } from '../../../core/errors';
import { excelCsv } from './csv';

/**
 * What the POS vendor sets per till after the cut-over (reference §6 "What the POS needs"): the till's serial,
 * its V1 client id and the new V2 client id, the new TSS's id and serial, and the V2 base URL. Built from the
 * run's resolved tills and the V2 clients it registered, checked against the contract before it is written.
 */
export interface PosMappingInput {
  storeName: string;
  environment: PosMapping['environment'];
  v1TssId: string;
  baseUrlV2: string;
  v2Tss: { id: string; serialNumber: string };
  tills: readonly ResolvedTill[];
  /** The V2 client id per V1 client id. */
  v2ClientIds: ReadonlyMap<string, string>;
  cutOverAt?: string;
}

export function buildPosMapping(input: PosMappingInput): PosMapping {
  return PosMapping.parse({
    schema: POS_MAPPING_SCHEMA,
    storeName: input.storeName,
    environment: input.environment,
    v1TssId: input.v1TssId,
    ...(input.cutOverAt ? { cutOverAt: input.cutOverAt } : {}),
    tills: input.tills.map((till) => {
      const v2ClientId = input.v2ClientIds.get(till.v1ClientId);
      // The run writes the mapping once every till is registered; a gap is a fault of the run, named by its till.
      if (!v2ClientId) throw new AppError('MIGRATION_TILL_UNMAPPED', `The till ${till.serialNumber} (V1 client ${till.v1ClientId}) has no V2 client yet.`);
      return {
        serialNumber: till.serialNumber,
        ...(till.v1SerialNumber === undefined ? {} : { v1SerialNumber: till.v1SerialNumber }),
        v1ClientId: till.v1ClientId,
        v2ClientId,
        v2TssId: input.v2Tss.id,
        v2TssSerialNumber: input.v2Tss.serialNumber,
        baseUrl: input.baseUrlV2,
      };
    }),
  });
}

/** The mapping as the JSON file: two-space indented, a final newline, as the handover's JSON. */
export function posMappingJson(mapping: PosMapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

/** One row per till; `v1_serial_number` is empty where the serial stayed the same. */
export const POS_MAPPING_CSV_COLUMNS = ['serial_number', 'v1_serial_number', 'v1_client_id', 'v2_client_id', 'v2_tss_id', 'v2_tss_serial_number', 'base_url'] as const;

export function posMappingCsv(mapping: PosMapping): string {
  return excelCsv(
    POS_MAPPING_CSV_COLUMNS,
    mapping.tills.map((till) => [till.serialNumber, till.v1SerialNumber ?? '', till.v1ClientId, till.v2ClientId, till.v2TssId, till.v2TssSerialNumber, till.baseUrl]),
  );
}
