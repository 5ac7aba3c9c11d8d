import { randomUUID } from 'node:crypto';
import type { MigrationStepName } from '../../../../preload/contract/sign-de/migration';
import { resolveV2Serials } from '../../../../preload/contract/sign-de/migration-inventory';
import type { RecordChange } from '../../../core/runs/run-record';
import type { FiskalyClient } from '../api/client';
import type { FiskalyV1Client } from '../api-v1/client';
import { readTssInventory } from './read-inventory';
import { MigrationError } from './migration-error';
import type { MigrationRecord } from './migration-journal';

/**
 * The inventory phase (read only): V1's TSS, tills and ACTIVE transactions, the tills' V2 serials with the
 * technician's confirmed fixes, and the V2 TSS the key has already. The new client ids and test-transaction
 * ids are chosen here and written with the step, before any request uses them.
 */
export async function inventoryStep(step: MigrationStepName, record: MigrationRecord, v1: FiskalyV1Client, v2: FiskalyClient): Promise<RecordChange<MigrationRecord> | void> {
  switch (step) {
    case 'v1-auth':
      await v1.session.authenticate();
      return;
    case 'v2-auth':
      await v2.session.authenticate();
      return;
    case 'v1-read':
      return readV1(record, v1);
    case 'v2-existing-tss': {
      const ids = (await v2.listTss()).map((tss) => tss.id).filter((id) => id !== record.v2.tssId);
      return (d) => {
        d.inventory!.v2TssIds = ids;
      };
    }
    default:
      throw new Error(`${step} is not an inventory step`);
  }
}

async function readV1(record: MigrationRecord, v1: FiskalyV1Client): Promise<RecordChange<MigrationRecord>> {
  const { v1TssId } = record.plan;
  const inventory = await readTssInventory(v1, v1TssId);
  const { tss } = inventory;
  if (tss.state === 'DISABLED') {
    // Reference §6.4 skips the disable of a disabled TSS, but its ACTIVE transactions can never be closed
    // and its tills signed nothing since: that store is set up anew (provisioning), not migrated.
    throw new MigrationError(
      'E_V1_TSS_DISABLED',
      'The V1 TSS is disabled already: nothing can be closed or signed on it any more. Archive its export and set the store up on V2 with a new provisioning run.',
      'v1-read',
      'abandon',
    );
  }
  if (tss.state !== 'INITIALIZED') {
    throw new MigrationError('E_V1_TSS_NOT_IN_USE', `The V1 TSS is ${tss.state}: it never signed, there is nothing to migrate. Set the store up with a provisioning run.`, 'v1-read', 'abandon');
  }
  const tooMany = inventory.problems.find((p) => p.code === 'too-many-tills');
  if (tooMany) {
    throw new MigrationError('E_TOO_MANY_TILLS', `The V1 TSS has ${tooMany.count} tills; a V2 TSS takes ${tooMany.max}. Split the store into two migrations.`, 'v1-read', 'abandon');
  }
  const resolved = resolveV2Serials(inventory.tills, record.plan.serialFixes);
  if (!resolved.ok) {
    const list = resolved.unresolved.map((u) => `${u.serialNumber} (${u.why === 'stale-fix' ? 'the fix names a serial the till no longer has' : u.why === 'twin' ? 'twice' : 'not allowed on V2'})`).join(', ');
    throw new MigrationError(
      'E_SERIAL_FIX_UNCONFIRMED',
      `Some till serial numbers cannot go to V2 as they are: ${list}. Confirm the suggested fix (a changed serial is a new till for ELSTER) and resume.`,
      'v1-read',
    );
  }
  return (d) => {
    d.inventory = { takenAt: new Date().toISOString(), environment: d.plan.environment, baseUrlV1: d.plan.baseUrlV1, stores: [inventory], v2TssIds: [] };
    d.tills = resolved.tills.map((till) => ({ ...till, v2ClientId: randomUUID(), receipt: { txId: randomUUID() } }));
    d.v2.plan.clients = d.tills.map((till) => ({ serialNumber: till.serialNumber }));
    d.v2.clients = d.tills.map((till) => ({ serialNumber: till.serialNumber, clientId: till.v2ClientId, registered: false }));
  };
}
